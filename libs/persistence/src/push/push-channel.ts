import webpush from 'web-push';
import type { DataSource } from 'typeorm';
import {
  delayNotice,
  formatLocal,
  meetingNotice,
  reminderNotice,
  sqlIn,
  UPCOMING_STATUSES,
  type PushMeetingFacts,
  type PushNotice,
} from '@rueda/domain';
import type { LiveMeeting, LiveMessage } from '@rueda/realtime';
import { installSecret } from '../install-secrets';

/**
 * The Web Push channel: participants' subscriptions (one per browser that opted in), the
 * installation's VAPID keys, and the notices a committed live change sends to the phones of
 * the participants it touches. Delivery is best effort — the agenda and the live socket stay
 * the record — but a subscription the push service says is gone (404/410) is removed at once.
 */
export interface PushTarget {
  id: string;
  participantId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

export type PushOutcome = 'sent' | 'gone' | 'failed';

/** Sends one encrypted payload to one subscription (the adapter over `web-push`, or a test double). */
export interface PushSender {
  send(target: PushTarget, payload: string): Promise<PushOutcome>;
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** The installation's VAPID key pair, made once (first caller wins) and shared by every process. */
export async function vapidKeys(db: DataSource): Promise<VapidKeys> {
  return JSON.parse(await installSecret(db, 'vapid', () => JSON.stringify(webpush.generateVAPIDKeys()))) as VapidKeys;
}

/** RFC 8291 (aes128gcm) payloads signed with the installation's VAPID keys (RFC 8292). */
export function webPushSender(keys: VapidKeys, subject: string): PushSender {
  return {
    async send(t, payload) {
      try {
        await webpush.sendNotification({ endpoint: t.endpoint, keys: { p256dh: t.p256dh, auth: t.auth } }, payload, {
          vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
          TTL: 3600,
          contentEncoding: 'aes128gcm',
          urgency: 'high',
          timeout: 10_000,
        });
        return 'sent';
      } catch (e) {
        const status = (e as { statusCode?: number }).statusCode;
        return status === 404 || status === 410 ? 'gone' : 'failed';
      }
    },
  };
}

interface FactsRow {
  id: string;
  status: string;
  a: string;
  b: string;
  an: string;
  bn: string;
  startsAt: Date | null;
  table: number | null;
  timeZone: string;
}

const meetingFacts = (r: FactsRow, me: string): PushMeetingFacts => ({
  meetingId: r.id,
  status: r.status,
  time: r.startsAt ? formatLocal(new Date(r.startsAt), r.timeZone).slice(11, 16) : null,
  table: r.table,
  counterpart: r.a === me ? r.bn : r.an,
});

const FACTS = `SELECT m.id, m.status, m.participant_a_id AS a, m.participant_b_id AS b, pa.name AS an, pb.name AS bn,
       s.starts_at AS "startsAt", t.number AS "table", e.time_zone AS "timeZone"
  FROM meetings m
  JOIN participants pa ON pa.id = m.participant_a_id
  JOIN participants pb ON pb.id = m.participant_b_id
  JOIN events e ON e.id = m.event_id
  LEFT JOIN slots s ON s.id = coalesce(m.slot_id, m.last_slot_id)
  LEFT JOIN tables t ON t.id = coalesce(m.table_id, m.last_table_id)`;

export class PushChannel {
  constructor(
    private readonly db: DataSource,
    private readonly sender: () => Promise<PushSender>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * "Su reunión empieza en 5 min": run every minute (a worker's job scheduler), it reminds each
   * subscribed participant of each of its scheduled meetings starting within `minutes` of `now`
   * (the channel's clock unless given: tests pin it),
   * once per meeting and start time (push_reminders is the claim, so any number of workers may
   * sweep). A meeting moved or delayed is reminded again at its new time. The notice names the
   * participant's own meeting only: time, table, counterpart.
   */
  async remind({ now = this.clock(), minutes = 5 }: { now?: Date; minutes?: number } = {}): Promise<{
    reminded: number;
    sent: number;
    gone: number;
    failed: number;
  }> {
    const claimed = (await this.db.query(
      `INSERT INTO push_reminders (meeting_id, participant_id, starts_at, sent_at)
       SELECT m.id, p.id, s.starts_at, $1
         FROM meetings m
         JOIN slots s ON s.id = m.slot_id
         JOIN participants p ON p.id IN (m.participant_a_id, m.participant_b_id)
        WHERE m.status = 'scheduled' AND s.starts_at > $1 AND s.starts_at <= $1 + make_interval(mins => $2)
          AND EXISTS (SELECT 1 FROM push_subscriptions ps WHERE ps.participant_id = p.id)
       ON CONFLICT DO NOTHING
       RETURNING meeting_id AS "meetingId", participant_id AS "participantId"`,
      [now, minutes],
    )) as { meetingId: string; participantId: string }[];
    if (!claimed.length) return { reminded: 0, sent: 0, gone: 0, failed: 0 };
    const facts = new Map<string, FactsRow>();
    for (const r of (await this.db.query(`${FACTS} WHERE m.id = ANY($1::uuid[])`, [claimed.map((c) => c.meetingId)])) as FactsRow[])
      facts.set(r.id, r);
    const notices = claimed.flatMap(({ meetingId, participantId }) => {
      const f = facts.get(meetingId);
      if (!f?.startsAt) return [];
      const left = Math.max(1, Math.ceil((new Date(f.startsAt).getTime() - now.getTime()) / 60_000));
      return [{ participantId, notice: reminderNotice(meetingFacts(f, participantId), left) }];
    });
    return { reminded: notices.length, ...(await this.deliver(notices, now)) };
  }

  /** Each notice to every subscription of its participant; a subscription the push service says is gone is removed. */
  private async deliver(notices: { participantId: string; notice: PushNotice }[], at: Date) {
    const out = { sent: 0, gone: 0, failed: 0 };
    if (!notices.length) return out;
    const targets = (await this.db.query(
      `SELECT id, participant_id AS "participantId", endpoint, p256dh, auth FROM push_subscriptions WHERE participant_id = ANY($1::uuid[])`,
      [[...new Set(notices.map((n) => n.participantId))]],
    )) as PushTarget[];
    const sender = await this.sender();
    await Promise.all(
      notices.flatMap(({ participantId, notice }) =>
        targets
          .filter((t) => t.participantId === participantId)
          .map(async (t) => {
            const r = await sender.send(t, JSON.stringify({ ...notice, at: at.toISOString() }));
            out[r]++;
            if (r === 'gone') await this.db.query(`DELETE FROM push_subscriptions WHERE id = $1`, [t.id]);
            else if (r === 'sent') await this.db.query(`UPDATE push_subscriptions SET last_sent_at = now() WHERE id = $1`, [t.id]);
          }),
      ),
    );
    return out;
  }

  /** What the live messages tell each subscribed participant they touch; sent, and gone subscriptions removed. */
  async notify(messages: LiveMessage[]): Promise<{ sent: number; gone: number; failed: number }> {
    const out = { sent: 0, gone: 0, failed: 0 };
    const touched = [...new Set(messages.flatMap((m) => m.participants))];
    if (!touched.length) return out;
    const targets = (await this.db.query(
      `SELECT id, participant_id AS "participantId", endpoint, p256dh, auth FROM push_subscriptions WHERE participant_id = ANY($1::uuid[])`,
      [touched],
    )) as PushTarget[];
    if (!targets.length) return out;
    const subscribed = new Set(targets.map((t) => t.participantId));
    const notices: { participantId: string; notice: PushNotice }[] = [];
    const meetingIds = messages
      .filter((m) => m.type === 'meeting.updated' || m.type === 'meeting.created')
      .map((m) => (m.payload as LiveMeeting).id);
    const facts = new Map<string, FactsRow>();
    if (meetingIds.length)
      for (const r of (await this.db.query(`${FACTS} WHERE m.id = ANY($1::uuid[])`, [meetingIds])) as FactsRow[]) facts.set(r.id, r);
    for (const m of messages) {
      if (m.type === 'meeting.updated' || m.type === 'meeting.created') {
        const f = facts.get((m.payload as LiveMeeting).id);
        if (!f) continue;
        for (const p of [f.a, f.b].filter((x) => subscribed.has(x))) {
          const notice = meetingNotice(m.type === 'meeting.created' ? 'created' : 'updated', meetingFacts(f, p));
          if (notice) notices.push({ participantId: p, notice });
        }
      } else if (m.type === 'slots.delayed') {
        for (const p of m.participants.filter((x) => subscribed.has(x))) {
          const [next] = (await this.db.query(
            `${FACTS} WHERE (m.participant_a_id = $1 OR m.participant_b_id = $1) AND m.status IN ${sqlIn(UPCOMING_STATUSES)} AND s.ends_at > $2
              ORDER BY s.starts_at LIMIT 1`,
            [p, this.clock()],
          )) as FactsRow[];
          notices.push({ participantId: p, notice: delayNotice(next ? meetingFacts(next, p) : null) });
        }
      }
    }
    return this.deliver(notices, this.clock());
  }
}

/** VAPID's contact (RFC 8292 §2.1): the installation's public URL, else its administrator's address. */
export function pushSubject(env: { PUBLIC_URL?: string; ADMIN_EMAIL?: string }): string {
  return env.PUBLIC_URL ?? `mailto:${env.ADMIN_EMAIL ?? 'admin@rueda.invalid'}`;
}

/** The installation's push channel: its VAPID keys are read (or made) on the first notice sent. */
export function installPushChannel(db: DataSource, subject: string): PushChannel {
  let sender: Promise<PushSender> | undefined;
  return new PushChannel(db, () => (sender ??= vapidKeys(db).then((k) => webPushSender(k, subject))));
}

/**
 * Fire and forget, after commit: a push service that is slow or down never holds up the change
 * that caused it, and only a warning says so.
 */
export function notifyInBackground(channel: PushChannel, messages: LiveMessage[], warn: (msg: string) => void): void {
  if (!messages.some((m) => m.participants.length)) return;
  channel
    .notify(messages)
    .then((r) => r.failed && warn(`push: ${r.failed} notice(s) refused or unreachable, ${r.sent} sent`))
    .catch((e: unknown) => warn(`push not sent: ${e instanceof Error ? e.message : String(e)}`));
}
