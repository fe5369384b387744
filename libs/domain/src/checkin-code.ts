import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The check-in QR code on a delegate's agenda: the delegate's id and an expiry, signed with the
 * installation's own key (HMAC-SHA256, truncated to 128 bits) and bound to the event, so a
 * code cannot be forged, moved to another Jornada or used after the day. It holds no personal
 * data and grants nothing by itself: only staff who are signed in can check someone in with it.
 */
export const CHECKIN_CODE_VERSION = 'RQ1';
/** A code keeps working this long after the day's last slot ends (late closing, delays). */
export const CHECKIN_CODE_GRACE_MS = 6 * 3600_000;

const mac = (key: string, eventId: string, delegateId: string, exp: string) =>
  createHmac('sha256', key).update(`${CHECKIN_CODE_VERSION}.${eventId}.${delegateId}.${exp}`).digest('base64url').slice(0, 22);

export function signCheckInCode(key: string, c: { eventId: string; delegateId: string; expiresAt: Date }): string {
  const exp = Math.floor(c.expiresAt.getTime() / 1000).toString(36);
  return [CHECKIN_CODE_VERSION, c.delegateId, exp, mac(key, c.eventId, c.delegateId, exp)].join('.');
}

export type CheckInCodeReading =
  { ok: true; delegateId: string; expiresAt: Date } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'expired'; expiresAt: Date };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Reads a scanned code for this event at `now`: its delegate, or why it is refused. */
export function readCheckInCode(key: string, eventId: string, code: string, now: Date): CheckInCodeReading {
  const parts = code.trim().split('.');
  if (parts.length !== 4 || parts[0] !== CHECKIN_CODE_VERSION) return { ok: false, reason: 'invalid' };
  const [, delegateId, exp, given] = parts;
  if (!UUID.test(delegateId) || !/^[0-9a-z]{1,10}$/.test(exp)) return { ok: false, reason: 'invalid' };
  const want = Buffer.from(mac(key, eventId, delegateId, exp));
  const got = Buffer.from(given);
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(parseInt(exp, 36) * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired', expiresAt };
  return { ok: true, delegateId, expiresAt };
}
