import { formatMessage } from '@rueda/i18n';
import { parse } from 'csv-parse/sync';
import type { ApiClient } from '../api-client';

interface Campaign {
  percent: number;
  total: number;
  counts: Record<string, number>;
  job: { state: string } | null;
}

const SENT =
  '{ok, plural, one {# entregada} other {# entregadas}} al servidor de correo, {held, plural, one {# retenida} other {# retenidas}}, ' +
  '{failed, plural, one {# fallida} other {# fallidas}}; {none, plural, one {# participante} other {# participantes}} sin dirección utilizable';

/**
 * Everybody gets a personal link (existing ones are kept) and an invitation email; the demo
 * waits for the campaign so the mail catcher shows them. Returns each participant's link.
 */
export async function inviteEveryone(
  api: ApiClient,
  ev: string,
  say: (s: string) => void,
): Promise<Map<string, { name: string; link: string }>> {
  await api.call('POST', `${ev}/invitations/links`, {});
  const preview = await api.call<{ total: number; recipients: unknown[]; skipped: { name: string; reason: { es: string } }[] }>(
    'POST',
    `${ev}/invitations/preview`,
    { state: 'never_sent' },
  );
  if (preview.recipients.length > 0) {
    const sent = await api.call<{ campaignId: string; total: number }>('POST', `${ev}/invitations/send`, { state: 'never_sent' });
    const c = await api.waitFor<Campaign>(
      `${ev}/invitations/campaigns/${sent.campaignId}`,
      (x) => x.percent === 100 || x.job?.state === 'completed',
      300_000,
    );
    say(
      `Invitaciones / Invitations: ${formatMessage(SENT, { ok: c.counts.delivered ?? 0, held: c.counts.held ?? 0, failed: (c.counts.failed ?? 0) + (c.counts.bounced ?? 0), none: preview.skipped.length })}.`,
    );
  }
  // The links as an organiser exports them for a mail merge.
  const csv = await api.text('GET', `${ev}/invitations/links.csv`);
  const rows = parse(csv.replace(/^\uFEFF/, ''), { delimiter: ';', columns: true }) as Record<string, string>[];
  return new Map(
    rows.map(
      (r) =>
        [r['Id'], { name: r['Nombre / Name'], link: r['Enlace personal / Personal link'] }] as [string, { name: string; link: string }],
    ),
  );
}

/**
 * Self-service, acted out: one GADM corrects a demand through its own link, the change waits
 * in the review queue, an organiser approves it.
 */
export async function editDemandThroughLink(api: ApiClient, ev: string, links: Map<string, { name: string; link: string }>) {
  for (const [externalId, l] of links) {
    const token = /\/a\/(rp_[\w-]+)/.exec(l.link)?.[1];
    if (!token) continue;
    const me = await api.callAs<{
      participant: { id: string; kind: string };
      demands: { id: string; title: string; version: number; amountUsd: number | null }[];
      window: { open: boolean };
    }>(token, 'GET', '/me/profile');
    if (me.participant.kind !== 'gadm' || me.demands.length === 0 || !me.window.open) continue;
    const d = me.demands[0];
    const amountUsd = Math.round(((d.amountUsd ?? 200_000) * 1.1) / 1000) * 1000;
    await api.callAs(token, 'PATCH', `/me/profile/demands/${d.id}`, { version: d.version, amountUsd });
    await api.call('POST', `${ev}/reviews/${me.participant.id}/approve`, {});
    return { externalId, name: l.name, demand: d.title, amountUsd };
  }
  return null;
}
