import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ENV, type Env } from '@rueda/config';
import { PushChannel, vapidKeys, webPushSender, type PushSender } from '@rueda/persistence';
import type { LiveMessage } from '@rueda/realtime';

/** The push channel on an API node: changes made here reach subscribed phones right after commit. */
@Injectable()
export class PushService {
  private readonly log = new Logger('push');
  private sender?: Promise<PushSender>;
  readonly channel: PushChannel;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {
    this.channel = new PushChannel(db, () => (this.sender ??= vapidKeys(db).then((k) => webPushSender(k, pushSubject(env)))));
  }

  async publicKey(): Promise<string> {
    return (await vapidKeys(this.db)).publicKey;
  }

  /** Endpoints allowed beyond the browsers' push services (a receiver on loopback in tests). */
  get extraEndpoints(): string[] {
    return this.env.PUSH_EXTRA_ENDPOINTS;
  }

  /** Fire and forget: a push service that is slow or down never holds up the change that caused it. */
  notify(messages: LiveMessage[]): void {
    if (!messages.some((m) => m.participants.length)) return;
    this.channel
      .notify(messages)
      .then((r) => r.failed && this.log.warn(`push: ${r.failed} notice(s) refused or unreachable, ${r.sent} sent`))
      .catch((e: unknown) => this.log.warn(`push not sent: ${e instanceof Error ? e.message : String(e)}`));
  }
}

/** VAPID's contact (RFC 8292 §2.1): the installation's public URL, else its administrator's address. */
export function pushSubject(env: Env): string {
  return env.PUBLIC_URL ?? `mailto:${env.ADMIN_EMAIL ?? 'admin@rueda.invalid'}`;
}
