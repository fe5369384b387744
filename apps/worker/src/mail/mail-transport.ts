import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { ENV, Env } from '@rueda/config';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Where the recipient turns emails off (List-Unsubscribe). */
  preferencesUrl?: string | null;
}

export interface SentMail {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

/**
 * nodemailer over SMTP (SMTP_URL). Without SMTP_URL there is no transport: emails stay
 * `held` in the log, visible to organisers, and go out once a server is configured.
 */
@Injectable()
export class MailTransport implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(@Inject(ENV) private readonly env: Env) {
    this.transport = env.SMTP_URL
      ? nodemailer.createTransport({
          url: env.SMTP_URL,
          pool: true,
          maxConnections: 4,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        } as never)
      : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  onApplicationBootstrap() {
    if (!this.transport)
      this.log.warn(
        'SMTP_URL no está definido: los correos quedan en cola («retenidos») y visibles hasta configurarlo / ' +
          'SMTP_URL is not set: emails stay queued ("held") and visible until it is configured',
      );
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    if (!this.transport) throw new Error('no SMTP transport');
    const headers: Record<string, string> = {};
    if (mail.preferencesUrl) headers['List-Unsubscribe'] = `<${mail.preferencesUrl}>`;
    const info = await this.transport.sendMail({
      from: this.env.MAIL_FROM,
      replyTo: this.env.MAIL_REPLY_TO,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers,
    });
    const addr = (a: unknown) => (typeof a === 'string' ? a : ((a as { address?: string }).address ?? String(a)));
    return { messageId: info.messageId, accepted: (info.accepted ?? []).map(addr), rejected: (info.rejected ?? []).map(addr) };
  }

  onApplicationShutdown() {
    this.transport?.close();
  }
}

/** A refusal the server means for good (5xx): retrying would not help. */
export function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** The server's own words, or the network error, for the organisers' log. */
export function mailError(err: unknown): string {
  const e = err as { response?: string; code?: string; message?: string };
  return (e.response ?? [e.code, e.message].filter(Boolean).join(': ')).slice(0, 1000);
}
