import { addTo, contextOf, emptyCounts, pct, round, type Counts } from './context';
import type { ReportData, ReportParticipant, ReportTable } from './model';

export interface CooperantRow {
  participant: ReportParticipant;
  counts: Counts;
  /** Distinct GADMs met in held meetings, and the provinces and regions they cover. */
  gadmsMet: number;
  provinces: number;
  regions: number;
  /** Mean interest (1..5) the cooperant recorded, and the one its counterparts recorded; 0 when none. */
  ownInterest: number;
  counterpartInterest: number;
  commitments: number;
  amountUsd: number;
}

export type CooperantReport = ReportTable & { cooperants: CooperantRow[] };

interface Acc {
  row: CooperantRow;
  gadms: Set<string>;
  provinces: Set<string>;
  regions: Set<string>;
  own: [number, number];
  theirs: [number, number];
}

/** One row per cooperant: activity, reach over the territory, interest and commitments. */
export function byCooperant(data: ReportData): CooperantReport {
  const ctx = contextOf(data);
  const accs = new Map<string, Acc>();
  for (const p of data.participants ?? []) {
    if (p.kind !== 'cooperant') continue;
    accs.set(p.id, {
      row: {
        participant: p,
        counts: emptyCounts(),
        gadmsMet: 0,
        provinces: 0,
        regions: 0,
        ownInterest: 0,
        counterpartInterest: 0,
        commitments: 0,
        amountUsd: 0,
      },
      gadms: new Set(),
      provinces: new Set(),
      regions: new Set(),
      own: [0, 0],
      theirs: [0, 0],
    });
  }
  const meetings = data.meetings ?? [];
  for (let i = 0; i < meetings.length; i++) {
    const m = meetings[i];
    for (const side of ['a', 'b'] as const) {
      const selfId = side === 'a' ? m.participantAId : m.participantBId;
      const otherId = side === 'a' ? m.participantBId : m.participantAId;
      const acc = accs.get(selfId);
      if (!acc) continue;
      addTo(acc.row.counts, m, ctx.placed[i]);
      if (m.status === 'held') {
        const other = ctx.participants.get(otherId);
        if (other?.kind === 'gadm') {
          acc.gadms.add(other.id);
          if (other.provinceCode || other.province) acc.provinces.add(other.provinceCode || other.province!);
          if (other.region) acc.regions.add(other.region);
        }
      }
      for (const o of ctx.outcomesByMeeting.get(m.id) ?? []) {
        if (!Number.isFinite(o.interest)) continue;
        const into = o.side === side ? acc.own : acc.theirs;
        into[0] += o.interest;
        into[1]++;
      }
      for (const c of ctx.commitmentsByMeeting.get(m.id) ?? []) {
        if (c.stage === 'dropped') continue;
        acc.row.commitments++;
        acc.row.amountUsd += c.amountUsd ?? 0;
      }
    }
  }
  const cooperants = [...accs.values()].map((a) => {
    a.row.gadmsMet = a.gadms.size;
    a.row.provinces = a.provinces.size;
    a.row.regions = a.regions.size;
    a.row.ownInterest = a.own[1] ? round(a.own[0] / a.own[1], 2) : 0;
    a.row.counterpartInterest = a.theirs[1] ? round(a.theirs[0] / a.theirs[1], 2) : 0;
    return a.row;
  });
  cooperants.sort((x, y) => y.counts.held - x.counts.held || x.participant.name.localeCompare(y.participant.name, 'es'));
  return {
    columns: [
      { key: 'externalId', es: 'Código', en: 'Code', type: 'text' },
      { key: 'name', es: 'Cooperante', en: 'Cooperant', type: 'text' },
      { key: 'tipo', es: 'Tipo', en: 'Type', type: 'text' },
      { key: 'requested', es: 'Solicitadas', en: 'Requested', type: 'int' },
      { key: 'scheduled', es: 'Agendadas', en: 'Scheduled', type: 'int' },
      { key: 'held', es: 'Realizadas', en: 'Held', type: 'int' },
      { key: 'noShow', es: 'Inasistencias', en: 'No-shows', type: 'int' },
      { key: 'cancelled', es: 'Canceladas', en: 'Cancelled', type: 'int' },
      { key: 'heldRate', es: 'Tasa de realización (%)', en: 'Held rate (%)', type: 'percent' },
      { key: 'gadmsMet', es: 'GADM atendidos', en: 'GADMs met', type: 'int' },
      { key: 'provinces', es: 'Provincias alcanzadas', en: 'Provinces reached', type: 'int' },
      { key: 'regions', es: 'Regiones alcanzadas', en: 'Regions reached', type: 'int' },
      { key: 'ownInterest', es: 'Interés propio (1–5)', en: 'Own interest (1–5)', type: 'number' },
      { key: 'counterpartInterest', es: 'Interés de contrapartes (1–5)', en: 'Counterparts’ interest (1–5)', type: 'number' },
      { key: 'commitments', es: 'Compromisos vigentes', en: 'Active commitments', type: 'int' },
      { key: 'amountUsd', es: 'Monto comprometido (USD)', en: 'Committed amount (USD)', type: 'usd' },
    ],
    rows: cooperants.map((r) => ({
      externalId: r.participant.externalId,
      name: r.participant.name,
      tipo: r.participant.tipo ?? '',
      requested: r.counts.requested,
      scheduled: r.counts.placed,
      held: r.counts.held,
      noShow: r.counts.noShow,
      cancelled: r.counts.cancelled,
      heldRate: pct(r.counts.held, r.counts.placed),
      gadmsMet: r.gadmsMet,
      provinces: r.provinces,
      regions: r.regions,
      ownInterest: r.ownInterest,
      counterpartInterest: r.counterpartInterest,
      commitments: r.commitments,
      amountUsd: r.amountUsd,
    })),
    cooperants,
  };
}
