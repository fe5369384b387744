import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { hashToken, newToken } from '@rueda/domain';
import { AccessLinkEntity } from '../entities';
import { installSecret } from '../install-secrets';

/** Participant tokens are told apart from organiser tokens by their prefix. */
export const PARTICIPANT_PREFIX = 'rp_';

// Made and hashed by one definition (libs/domain), shared with the use cases that issue tokens.
export { hashToken, newToken };

/**
 * The key that seals personal tokens: derived from LINK_SECRET when it is set, otherwise a
 * random key generated once and kept in install_secrets (so every API node and worker of the
 * deployment shares it; whoever reads the database can then open the tokens — set LINK_SECRET
 * to keep the key out of it).
 */
export async function linkKey(m: EntityManager, secret: string | undefined): Promise<Buffer> {
  if (secret) return createHash('sha256').update(`rueda-link-key:${secret}`).digest();
  return Buffer.from(await installSecret(m, 'link-key', () => randomBytes(32).toString('base64')), 'base64');
}

/** AES-256-GCM: `iv.tag.ciphertext`, base64url. */
export function sealToken(token: string, key: Buffer): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(token, 'utf8'), c.final()]);
  return [iv, c.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

/** The token, or null when it was sealed with another key (LINK_SECRET changed). */
export function unsealToken(sealed: string, key: Buffer): string | null {
  try {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    const d = createDecipheriv('aes-256-gcm', key, iv);
    d.setAuthTag(tag);
    return Buffer.concat([d.update(body), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * Gives participants a personal link. `revoke: false` (bulk issue) leaves existing links
 * alone and only creates missing ones; `revoke: true` replaces the participant's link (the old
 * one stops working at once). Returns the new tokens by participant.
 */
export async function issueAccessLinks(
  m: EntityManager,
  key: Buffer,
  eventId: string,
  participantIds: string[],
  opts: { revoke: boolean; now: Date },
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (participantIds.length === 0) return out;
  const rows = participantIds.map((participantId) => {
    const token = newToken(PARTICIPANT_PREFIX);
    out.set(participantId, token);
    return { participant_id: participantId, token_hash: hashToken(token), token_sealed: sealToken(token, key) };
  });
  const conflict = opts.revoke
    ? `ON CONFLICT (participant_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, token_sealed = EXCLUDED.token_sealed,
         issued_at = EXCLUDED.issued_at, first_seen_at = NULL, last_seen_at = NULL`
    : 'ON CONFLICT (participant_id) DO NOTHING';
  const inserted: { participant_id: string }[] = await m.query(
    `INSERT INTO access_links (participant_id, event_id, token_hash, token_sealed, issued_at)
     SELECT x.participant_id, $1, x.token_hash, x.token_sealed, $3
       FROM jsonb_to_recordset($2::jsonb) AS x(participant_id uuid, token_hash text, token_sealed text)
       JOIN participants p ON p.id = x.participant_id AND p.event_id = $1
     ${conflict}
     RETURNING participant_id`,
    [eventId, JSON.stringify(rows), opts.now],
  );
  const done = new Set(inserted.map((r) => r.participant_id));
  for (const id of [...out.keys()]) if (!done.has(id)) out.delete(id);
  return out;
}

/** The current tokens of these participants, where they can be shown (sealed and readable). */
export async function revealAccessLinks(
  m: EntityManager,
  key: Buffer,
  eventId: string,
  participantIds?: string[],
): Promise<Map<string, string>> {
  const qb = m
    .getRepository(AccessLinkEntity)
    .createQueryBuilder('l')
    .addSelect('l.tokenSealed')
    .where('l.eventId = :eventId', { eventId })
    .andWhere('l.tokenSealed IS NOT NULL');
  if (participantIds)
    qb.andWhere('l.participantId IN (:...ids)', { ids: participantIds.length ? participantIds : ['00000000-0000-0000-0000-000000000000'] });
  const out = new Map<string, string>();
  for (const l of await qb.getMany()) {
    const token = unsealToken(l.tokenSealed!, key);
    if (token) out.set(l.participantId, token);
  }
  return out;
}

/** Who a participant token belongs to, or null. */
export async function resolveAccessToken(m: EntityManager, token: string): Promise<{ participantId: string; eventId: string } | null> {
  const [row] = await m.query(
    `SELECT l.participant_id, l.event_id FROM access_links l JOIN participants p ON p.id = l.participant_id WHERE l.token_hash = $1`,
    [hashToken(token)],
  );
  return row ? { participantId: row.participant_id, eventId: row.event_id } : null;
}

/** Records that a link was used: the first time ("opened") and the latest ("last seen"). */
export async function touchAccessLink(m: EntityManager, participantId: string, now: Date): Promise<void> {
  await m.query(`UPDATE access_links SET first_seen_at = coalesce(first_seen_at, $2), last_seen_at = $2 WHERE participant_id = $1`, [
    participantId,
    now,
  ]);
}

/** The link key of this process, fetched once (see linkKey). */
export class LinkKeys {
  private key?: Promise<Buffer>;
  constructor(
    private readonly manager: () => EntityManager,
    private readonly secret: string | undefined,
  ) {}
  get(): Promise<Buffer> {
    this.key ??= linkKey(this.manager(), this.secret).catch((e) => {
      this.key = undefined;
      throw e;
    });
    return this.key;
  }
}
