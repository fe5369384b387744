import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ENV, type Env } from '@rueda/config';
import { installPushChannel, notifyInBackground, PushChannel, pushSubject, vapidKeys } from '@rueda/persistence';
import type { LiveMessage } from '@rueda/realtime';

/** The push channel on an API node: changes committed here reach subscribed phones right after commit. */
@Injectable()
export class PushService {
  private readonly log = new Logger('push');
  readonly channel: PushChannel;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {
    this.channel = installPushChannel(db, pushSubject(env));
  }

  async publicKey(): Promise<string> {
    return (await vapidKeys(this.db)).publicKey;
  }

  /** Endpoints allowed beyond the browsers' push services (a receiver on loopback in tests). */
  get extraEndpoints(): string[] {
    return this.env.PUSH_EXTRA_ENDPOINTS;
  }

  notify(messages: LiveMessage[]): void {
    notifyInBackground(this.channel, messages, (m) => this.log.warn(m));
  }
}
