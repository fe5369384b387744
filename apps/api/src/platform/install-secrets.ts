import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { installSecret } from '@rueda/persistence';

/** The installation's own secrets, read once per process (they never change once made). */
@Injectable()
export class InstallSecrets {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The key that signs check-in QR codes. */
  checkInKey(): Promise<string> {
    return this.get('checkin-hmac', () => randomBytes(32).toString('base64url'));
  }

  get(name: string, make: () => string): Promise<string> {
    let p = this.cache.get(name);
    if (!p) {
      p = installSecret(this.db, name, make);
      this.cache.set(name, p);
      p.catch(() => this.cache.delete(name));
    }
    return p;
  }
}
