import { Rng } from '@rueda/demo';
import type { ApiClient } from '../api-client';

interface Slot {
  id: string;
  startsAt: string;
  endsAt: string;
}
interface Meeting {
  id: string;
  status: string;
  version: number;
  slotId: string | null;
  participantAId: string;
  participantBId: string;
}
interface Delegate {
  id: string;
  participantId: string;
  checkedInAt: string | null;
}

async function all<T>(api: ApiClient, path: string): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const res = await api.call<{ items: T[]; total: number }>('GET', `${path}${path.includes('?') ? '&' : '?'}pageSize=500&page=${page}`);
    out.push(...res.items);
    if (out.length >= res.total || res.items.length === 0) return out;
  }
}

/**
 * The part of today that is already behind, acted out through the API as table staff would:
 * meetings of the rounds that are over were held (a few were no-shows), half the tables of the
 * round under way have their pair seated, and the delegates of those meetings checked in. A
 * re-run finds them already marked and changes nothing.
 */
export async function playThePast(api: ApiClient, ev: string, now: Date, seed: number) {
  const rng = new Rng(seed + 11);
  const slots = await api.call<Slot[]>('GET', `${ev}/slots`);
  const over = new Set(slots.filter((s) => Date.parse(s.endsAt) <= now.getTime()).map((s) => s.id));
  const current = new Set(
    slots.filter((s) => Date.parse(s.startsAt) <= now.getTime() && Date.parse(s.endsAt) > now.getTime()).map((s) => s.id),
  );
  const counts = { held: 0, noShow: 0, checkedIn: 0, delegates: 0 };
  const present = new Set<string>();
  const meetings = await all<Meeting>(api, `${ev}/meetings?status=scheduled`);
  // Same order on every run, so the same seed marks the same meetings.
  meetings.sort((a, b) => a.id.localeCompare(b.id));
  for (const m of meetings) {
    if (!m.slotId) continue;
    let status: 'held' | 'no_show' | 'checked_in' | null = null;
    if (over.has(m.slotId)) status = rng.chance(0.04) ? 'no_show' : 'held';
    else if (current.has(m.slotId) && rng.chance(0.5)) status = 'checked_in';
    if (!status) continue;
    await api.call('POST', `${ev}/live/meetings/${m.id}/status`, { status, version: m.version });
    if (status === 'held') counts.held++;
    else if (status === 'no_show') counts.noShow++;
    else counts.checkedIn++;
    if (status !== 'no_show') {
      present.add(m.participantAId);
      present.add(m.participantBId);
    }
  }
  for (const d of await all<Delegate>(api, `${ev}/delegates`)) {
    if (d.checkedInAt || !present.has(d.participantId)) continue;
    await api.call('POST', `${ev}/live/checkins`, { delegateId: d.id });
    counts.delegates++;
  }
  return counts;
}
