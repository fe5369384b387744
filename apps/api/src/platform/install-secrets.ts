import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { checkInKey } from '@rueda/persistence';

/** The installation's own secrets, read once per process (they never change once made). */
@Injectable()
export class InstallSecrets {
  private key?: Promise<string>;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The key that signs check-in QR codes. */
  checkInKey(): Promise<string> {
    if (!this.key) {
      this.key = checkInKey(this.db);
      this.key.catch(() => (this.key = undefined));
    }
    return this.key;
  }
}
