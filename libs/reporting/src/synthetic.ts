import { loadCooperants, loadGadms, loadTaxonomy, mulberry32, zonedTimeToUtc, type MeetingStatus } from '@rueda/domain';
import { NEXT_STEP_CODES, type CommitmentStage, type ReportData, type ReportMeeting, type ReportParticipant } from './model';

export interface SyntheticOptions {
  seed?: number;
  /** First N GADMs of the reference (default all 221). */
  gadms?: number;
  /** Share of those GADMs that register (default 0.9): the rest are the ones the fairness report must still count. */
  participation?: number;
  cooperants?: number;
  slots?: number;
  /** Slots per day; later slots continue on the next days. */
  slotsPerDay?: number;
  tables?: number;
  /** Meetings placed on the grid (capped by slots × tables and by who is free). */
  placed?: number;
  /** Further requests that never got a slot (declined, expired, pending, withdrawn, accepted). */
  unplaced?: number;
  /** 'post' gives held/no-show/cancelled outcomes and commitments; 'pre' leaves placed meetings scheduled. */
  phase?: 'pre' | 'post';
  firstDay?: string;
  startTime?: string;
  slotMinutes?: number;
  gapMinutes?: number;
  timeZone?: string;
}

/**
 * A plausible Rueda for benches and tests: real GADMs and cooperants from the reference,
 * demands and offers on taxonomy codes, a conflict-free grid of meetings (nobody in two
 * meetings in one slot, no pair met twice) and, after the event, outcomes and commitments.
 */
export function syntheticReportData(opts: SyntheticOptions = {}): ReportData {
  const rnd = mulberry32(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  };
  const tax = loadTaxonomy();
  const timeZone = opts.timeZone ?? 'America/Guayaquil';
  const slots = opts.slots ?? 24;
  const slotsPerDay = opts.slotsPerDay ?? 24;
  const tables = opts.tables ?? 60;
  const slotMinutes = opts.slotMinutes ?? 20;
  const gapMinutes = opts.gapMinutes ?? 5;
  const phase = opts.phase ?? 'post';

  const participation = opts.participation ?? 0.9;
  const gadms: ReportParticipant[] = loadGadms()
    .slice(0, opts.gadms ?? 221)
    .filter(() => rnd() < participation)
    .map((g) => ({
      id: `g-${g.inecCode}`,
      kind: 'gadm',
      name: `GAD Municipal de ${g.canton}`,
      externalId: g.inecCode,
      province: g.province,
      provinceCode: g.provinceCode,
      region: g.region,
    }));
  const refCoops = loadCooperants();
  const nCoops = opts.cooperants ?? 80;
  const cooperants: ReportParticipant[] = Array.from({ length: nCoops }, (_, i) => {
    const ref = refCoops[i];
    return ref
      ? { id: `c-${i + 1}`, kind: 'cooperant', name: ref.name, externalId: ref.acronym, tipo: ref.tipo }
      : {
          id: `c-${i + 1}`,
          kind: 'cooperant',
          name: `Fundación Cooperante Ñandú ${i + 1}`,
          externalId: `COOP${i + 1}`,
          tipo: pick(tax.tipos_cooperacion).code,
        };
  });

  const demands: ReportData['demands'] = [];
  const demandsOf = new Map<string, string[]>();
  for (const g of gadms) {
    const n = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) {
      const s = pick(tax.sectores);
      const id = `d-${g.externalId}-${k}`;
      demands.push({
        id,
        participantId: g.id,
        title: `${s.es} en ${g.name.replace('GAD Municipal de ', '')}`,
        sectors: rnd() < 0.2 ? [s.code, pick(tax.sectores).code] : [s.code],
        competencias: s.competencias.slice(0, 2),
        ods: s.ods.slice(0, 2),
        modalidades: [pick(tax.modalidades).code],
      });
      (demandsOf.get(g.id) ?? demandsOf.set(g.id, []).get(g.id)!).push(id);
    }
  }
  const offers: ReportData['offers'] = [];
  const offersOf = new Map<string, string[]>();
  for (const c of cooperants) {
    const n = 2 + Math.floor(rnd() * 3);
    for (let k = 0; k < n; k++) {
      const s = pick(tax.sectores);
      const id = `o-${c.id}-${k}`;
      offers.push({
        id,
        participantId: c.id,
        title: `Programa de ${s.es.toLocaleLowerCase('es')}`,
        sectors: [s.code],
        ods: s.ods.slice(0, 1),
        modalidades: [pick(tax.modalidades).code],
      });
      (offersOf.get(c.id) ?? offersOf.set(c.id, []).get(c.id)!).push(id);
    }
  }

  const meetings: ReportMeeting[] = [];
  const pairs = new Set<string>();
  const placedTarget = Math.min(opts.placed ?? 1400, slots * tables);
  const perSlot = Math.ceil(placedTarget / slots);
  const firstDay = opts.firstDay ?? '2026-03-12';
  const startTime = opts.startTime ?? '08:30';
  const dayStart = (d: number) => {
    const base = zonedTimeToUtc(firstDay, startTime, timeZone).getTime();
    return base + d * 86_400_000;
  };
  const topicIds = (g: ReportParticipant, c: ReportParticipant) => {
    const ds = demandsOf.get(g.id) ?? [];
    const os = offersOf.get(c.id) ?? [];
    return { demandId: rnd() < 0.9 && ds.length ? pick(ds) : undefined, offerId: os.length ? pick(os) : undefined };
  };
  const weight = new Map(gadms.map((g) => [g.id, g.externalId.endsWith('01') ? 4 : 0.2 + rnd() * 1.6]));
  for (let s = 0; s < slots && meetings.length < placedTarget; s++) {
    const start = dayStart(Math.floor(s / slotsPerDay)) + (s % slotsPerDay) * (slotMinutes + gapMinutes) * 60_000;
    // Weighted sampling without replacement (key = u^(1/w)): capitals and a few busy
    // municipalities get more meetings, as in a real Rueda, so the fairness figures say something.
    const gs = gadms
      .map((g) => ({ g, key: rnd() ** (1 / (weight.get(g.id) ?? 1)) }))
      .sort((x, y) => y.key - x.key)
      .map((x) => x.g);
    const cs = shuffle(cooperants.slice());
    let gi = 0;
    let table = 1;
    for (const c of cs) {
      if (table > Math.min(tables, perSlot) || meetings.length >= placedTarget) break;
      while (gi < gs.length && pairs.has(`${gs[gi].id}|${c.id}`)) gi++;
      if (gi >= gs.length) break;
      const g = gs[gi++];
      pairs.add(`${g.id}|${c.id}`);
      let status: MeetingStatus = 'scheduled';
      if (phase === 'post') {
        const r = rnd();
        status = r < 0.82 ? 'held' : r < 0.91 ? 'no_show' : r < 0.97 ? 'cancelled' : 'checked_in';
      }
      const fromGadm = rnd() < 0.6;
      meetings.push({
        id: `m-${meetings.length + 1}`,
        participantAId: fromGadm ? g.id : c.id,
        participantBId: fromGadm ? c.id : g.id,
        ...topicIds(g, c),
        status,
        origin: rnd() < 0.85 ? 'request' : rnd() < 0.5 ? 'organiser' : 'mandatory',
        slotId: `slot-${s + 1}`,
        tableId: `table-${table}`,
        tableNumber: table,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + slotMinutes * 60_000).toISOString(),
      });
      table++;
    }
  }
  const unplacedStatuses: MeetingStatus[] = ['declined', 'declined', 'expired', 'requested', 'cancelled', 'accepted'];
  const unplaced = opts.unplaced ?? 300;
  for (let k = 0, tries = 0; k < unplaced && tries < unplaced * 20; tries++) {
    const g = pick(gadms);
    const c = pick(cooperants);
    if (!g || !c || pairs.has(`${g.id}|${c.id}`)) continue;
    pairs.add(`${g.id}|${c.id}`);
    meetings.push({
      id: `m-${meetings.length + 1}`,
      participantAId: g.id,
      participantBId: c.id,
      ...topicIds(g, c),
      status: phase === 'post' ? pick(unplacedStatuses) : pick(['requested', 'accepted', 'declined'] as MeetingStatus[]),
      origin: 'request',
    });
    k++;
  }

  const outcomes: ReportData['outcomes'] = [];
  const commitments: ReportData['commitments'] = [];
  if (phase === 'post') {
    const stages: CommitmentStage[] = [
      'identified',
      'identified',
      'negotiation',
      'negotiation',
      'signed',
      'execution',
      'closed',
      'dropped',
    ];
    for (const m of meetings) {
      if (m.status !== 'held') continue;
      for (const side of ['a', 'b'] as const) {
        if (rnd() < 0.3) continue;
        const steps = NEXT_STEP_CODES.filter(() => rnd() < 0.15);
        outcomes.push({
          meetingId: m.id,
          side,
          interest: 1 + Math.floor(rnd() * 5),
          nextSteps: steps,
          amountUsd: rnd() < 0.2 ? Math.round(rnd() * 500) * 1000 : undefined,
        });
      }
      if (rnd() < 0.18) {
        commitments.push({
          id: `k-${commitments.length + 1}`,
          meetingId: m.id,
          stage: pick(stages),
          amountUsd: rnd() < 0.7 ? Math.round(5 + rnd() * 995) * 1000 : undefined,
          updatedAt: '2026-06-01T15:00:00.000Z',
        });
      }
    }
  }
  return {
    event: { name: 'Jornada de Cooperación Internacional — Rueda de Negocios', timeZone },
    participants: [...gadms, ...cooperants],
    demands,
    offers,
    meetings,
    outcomes,
    commitments,
  };
}
