import { loadGadms, normalizeInec, PROVINCIAL_CAPITALS } from '@rueda/domain';
import {
  allReports,
  byCompetencia,
  byCooperant,
  byGadm,
  byModalidad,
  byOds,
  bySector,
  cooperantSectorMatrix,
  gini,
  histogram,
  pipeline,
  summary,
  syntheticReportData,
  type ReportData,
  type ReportMeeting,
  type ReportTable,
} from './index';

const empty = (): ReportData => ({
  event: { name: 'Vacía', timeZone: 'America/Guayaquil' },
  participants: [],
  demands: [],
  offers: [],
  meetings: [],
  outcomes: [],
  commitments: [],
});

let seq = 0;
const meeting = (a: string, b: string, status: ReportMeeting['status'], extra: Partial<ReportMeeting> = {}): ReportMeeting => ({
  id: `m${++seq}`,
  participantAId: a,
  participantBId: b,
  status,
  origin: 'request',
  ...extra,
});
const slot = { slotId: 's1', tableId: 't1', tableNumber: 1, startsAt: '2026-03-12T14:00:00Z' };

/** A small event: two GADMs (Cuenca, a capital; Girón), two cooperants. */
function small(): ReportData {
  return {
    event: { name: 'Prueba', timeZone: 'America/Guayaquil' },
    participants: [
      { id: 'cue', kind: 'gadm', name: 'GAD Cuenca', externalId: '0101', province: 'Azuay', provinceCode: '01', region: 'Sierra' },
      { id: 'gir', kind: 'gadm', name: 'GAD Girón', externalId: '102', province: 'Azuay', provinceCode: '01', region: 'Sierra' },
      { id: 'jica', kind: 'cooperant', name: 'JICA', externalId: 'JICA', tipo: 'BILATERAL' },
      { id: 'bid', kind: 'cooperant', name: 'BID', externalId: 'BID', tipo: 'BANCA' },
    ],
    demands: [
      { id: 'd1', participantId: 'cue', title: 'Agua', sectors: ['AGUA'], competencias: ['C04'], ods: [6], modalidades: ['FIN_NR'] },
      { id: 'd2', participantId: 'gir', title: 'Vacía', sectors: [], competencias: [], ods: [], modalidades: [] },
      { id: 'd3', participantId: 'gir', title: 'Doble', sectors: ['AGUA', 'RESIDUOS'], competencias: [], ods: [6, 12], modalidades: [] },
    ],
    offers: [{ id: 'o1', participantId: 'bid', title: 'Clima', sectors: ['CLIMA'], ods: [13], modalidades: ['CREDITO'] }],
    meetings: [
      meeting('cue', 'jica', 'held', { ...slot, demandId: 'd1', id: 'h1' }),
      meeting('gir', 'bid', 'held', { ...slot, demandId: 'd2', offerId: 'o1', id: 'h2' }),
      meeting('gir', 'jica', 'held', { ...slot, demandId: 'd3', id: 'h3' }),
      meeting('cue', 'bid', 'no_show', { ...slot }),
      meeting('cue', 'bid', 'cancelled', { ...slot }),
      meeting('gir', 'jica', 'cancelled'),
      meeting('gir', 'bid', 'declined'),
      meeting('cue', 'jica', 'expired'),
      meeting('cue', 'jica', 'requested'),
      meeting('gir', 'jica', 'accepted'),
      meeting('cue', 'jica', 'scheduled', { ...slot, origin: 'organiser' }),
      meeting('ghost-1', 'ghost-2', 'held', { ...slot, demandId: 'nope', offerId: 'nope' }),
    ],
    outcomes: [
      { meetingId: 'h1', side: 'a', interest: 5, nextSteps: ['MOU', 'TECH_MISSION'] },
      { meetingId: 'h1', side: 'b', interest: 3, nextSteps: ['MOU'] },
      { meetingId: 'h2', side: 'a', interest: 4, nextSteps: [] },
    ],
    commitments: [
      { id: 'k1', meetingId: 'h1', stage: 'signed', amountUsd: 100_000, updatedAt: '2026-05-01T00:00:00Z' },
      { id: 'k2', meetingId: 'h1', stage: 'dropped', amountUsd: 50_000, updatedAt: '2026-05-01T00:00:00Z' },
      { id: 'k3', meetingId: 'h2', stage: 'identified', updatedAt: '2026-05-01T00:00:00Z' },
    ],
  };
}

const row = (t: ReportTable, key: string, value: string) => t.rows.find((r) => r[key] === value)!;

describe('summary', () => {
  it('counts every status and defines "scheduled" as ever placed', () => {
    const s = summary(small()).figures;
    expect(s.requested).toBe(12);
    // held ×4 (one between unknown participants), no_show, cancelled with slot, scheduled.
    expect(s.scheduled).toBe(7);
    expect(s.held).toBe(4);
    expect(s.noShow).toBe(1);
    expect(s.cancelled).toBe(2);
    expect(s.cancelledAfterScheduling).toBe(1);
    expect(s.withdrawn).toBe(1);
    expect(s.declined).toBe(1);
    expect(s.expired).toBe(1);
    expect(s.pending).toBe(1);
    expect(s.acceptedUnscheduled).toBe(1);
    expect(s.open).toBe(1);
    expect(s.rates.held).toBeCloseTo(57.1, 1);
    expect(s.rates.noShow).toBeCloseTo(14.3, 1);
    expect(s.rates.acceptance).toBeCloseTo(88.9, 1); // (7 + 1) / (7 + 1 + 1)
    expect(s.byOrigin).toEqual({ request: 11, organiser: 1 });
    expect(s.participants).toEqual({ gadms: 2, cooperants: 2, gadmsWithHeld: 2, cooperantsWithHeld: 2 });
    expect(s.outcomes.meetingsWithOutcome).toBe(2);
    expect(s.outcomes.meanInterest).toBe(4);
    expect(s.outcomes.nextSteps.MOU).toBe(1); // both sides of one meeting: one MOU prospect
    expect(s.commitments).toEqual({ count: 3, active: 2, activeAmountUsd: 100_000, signedOrLaterAmountUsd: 100_000 });
  });

  it('renders as an indicator table with Spanish and English labels', () => {
    const t = summary(small());
    expect(t.columns.map((c) => c.key)).toEqual(['indicator', 'indicatorEn', 'value']);
    expect(row(t, 'indicator', 'Reuniones realizadas').value).toBe(4);
    expect(row(t, 'indicatorEn', 'Meetings held').value).toBe(4);
  });
});

describe('empty and odd data', () => {
  it('an event without meetings gives zero reports, not errors', () => {
    const data = empty();
    const s = summary(data).figures;
    expect(s.requested).toBe(0);
    expect(s.rates.held).toBe(0);
    const g = byGadm(data);
    expect(g.fairness.overall.n).toBe(221);
    expect(g.fairness.overall.gini).toBe(0);
    expect(g.fairness.overall.withAtLeastOne).toBe(0);
    expect(g.fairness.histogram).toEqual([{ from: 0, to: 0, label: '0', count: 221 }]);
    expect(pipeline(data).active).toEqual({ count: 0, amountUsd: 0 });
    expect(cooperantSectorMatrix(data).rows).toEqual([]);
    for (const { table } of allReports(data)) {
      for (const r of table.rows) for (const c of table.columns) expect(r[c.key]).toBeDefined();
    }
  });

  it('a meeting whose participants, demand and offer are unknown still counts', () => {
    const data = { ...empty(), meetings: [meeting('x', 'y', 'held', { demandId: 'zz', offerId: 'ww' })] };
    expect(summary(data).figures.held).toBe(1);
    expect(row(bySector(data), 'code', 'SIN_CLASIFICAR').held).toBe(1);
    expect(byCooperant(data).rows).toEqual([]);
    expect(byGadm(data).fairness.overall.total).toBe(0);
  });
});

describe('classification', () => {
  it('uses the demand, else the offer, else "sin clasificar"; multi-sector meetings count in each', () => {
    const s = bySector(small());
    expect(row(s, 'code', 'AGUA').held).toBe(2); // h1 and h3
    expect(row(s, 'code', 'RESIDUOS').held).toBe(1); // h3
    expect(row(s, 'code', 'CLIMA').held).toBe(1); // h2: empty demand, offer's sector
    expect(row(s, 'code', 'SIN_CLASIFICAR').held).toBe(1); // the ghost meeting
    expect(s.multiCoded).toBe(1);
    expect(row(s, 'code', 'AGUA').commitments).toBe(1);
    expect(row(s, 'code', 'AGUA').amountUsd).toBe(100_000);
    expect(row(s, 'code', 'AGUA').label).toBe('Agua potable y saneamiento');
    expect(s.rows.length).toBe(20); // 19 sectors + unclassified, zeros included
  });

  it('ODS, competencias and modalidades follow the same rule (offers have no competencias)', () => {
    const data = small();
    expect(row(byOds(data), 'code', '13').held).toBe(1);
    expect(String(row(byOds(data), 'code', '6').label)).toMatch(/^ODS 6: /);
    expect(row(byCompetencia(data), 'code', 'C04').held).toBe(1);
    expect(row(byCompetencia(data), 'code', 'SIN_CLASIFICAR').held).toBe(3);
    expect(row(byModalidad(data), 'code', 'CREDITO').held).toBe(1);
  });
});

describe('byGadm and fairness', () => {
  it('counts all 221 reference GADMs, absent ones with 0, and matches INEC codes without leading zero', () => {
    const g = byGadm(small());
    expect(g.rows).toHaveLength(221);
    const cuenca = g.gadms.find((r) => r.inecCode === '0101')!;
    const giron = g.gadms.find((r) => r.inecCode === '0102')!;
    expect(giron.participated).toBe(true);
    expect(giron.counts.held).toBe(2);
    expect(giron.counterparts).toBe(2);
    expect(cuenca.counts).toMatchObject({ requested: 6, placed: 4, held: 1, noShow: 1, cancelled: 1 });
    expect(cuenca.size).toBe('large');
    expect(giron.size).toBe('small');
    expect(g.fairness.overall.withAtLeastOne).toBe(2);
    expect(g.fairness.overall.shareWithAtLeastOne).toBeCloseTo(0.9, 1);
    expect(g.fairness.participatingOnly.n).toBe(2);
    expect(g.fairness.histogram.map((b) => b.count)).toEqual([219, 1, 1]);
    const azuay = g.fairness.byProvince.find((p) => p.key === '01')!;
    expect(azuay.participating).toBe(2);
    expect(azuay.distribution.total).toBe(3);
    expect(g.fairness.bySize.map((s) => s.key)).toEqual(['large', 'small']);
    expect(g.fairness.bySize[0].gadms).toBe(24);
  });

  it('scheduled metric and population override', () => {
    const data = small();
    data.participants[1].population = 250_000;
    const g = byGadm(data, { metric: 'scheduled' });
    expect(g.gadms.find((r) => r.inecCode === '0102')!.size).toBe('large');
    expect(g.fairness.overall.total).toBe(6); // placed meetings of the two real GADMs
  });

  it('lists the 24 provincial capitals, all in the reference', () => {
    const codes = new Set(loadGadms().map((g) => g.inecCode));
    expect(Object.keys(PROVINCIAL_CAPITALS)).toHaveLength(24);
    for (const c of Object.keys(PROVINCIAL_CAPITALS)) expect(codes.has(c)).toBe(true);
    expect(normalizeInec(' 101 ')).toBe('0101');
  });

  it('gini and histogram', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 4])).toBe(0.75);
    expect(gini([])).toBe(0);
    expect(histogram([0, 1, 1, 3]).map((b) => [b.label, b.count])).toEqual([
      ['0', 1],
      ['1', 2],
      ['2', 0],
      ['3', 1],
    ]);
    const wide = histogram([0, 45, 100]);
    expect(wide[0].count).toBe(1);
    expect(wide.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(wide.at(-1)!.to).toBe(100);
  });
});

describe('cooperants, pipeline and matrix', () => {
  it('byCooperant: activity, reach, interest, commitments', () => {
    const c = byCooperant(small());
    const jica = c.cooperants.find((r) => r.participant.id === 'jica')!;
    expect(jica.counts.held).toBe(2);
    expect(jica.gadmsMet).toBe(2);
    expect(jica.provinces).toBe(1);
    expect(jica.ownInterest).toBe(3);
    expect(jica.counterpartInterest).toBe(5);
    expect(jica.commitments).toBe(1);
    expect(jica.amountUsd).toBe(100_000);
    expect(c.rows[0].name).toBe('JICA'); // most held first
  });

  it('pipeline: per stage in order, active totals exclude dropped', () => {
    const p = pipeline(small());
    expect(p.stages.map((s) => s.stage)).toEqual(['identified', 'negotiation', 'signed', 'execution', 'closed', 'dropped']);
    expect(p.stages.find((s) => s.stage === 'signed')).toMatchObject({ count: 1, amountUsd: 100_000, withAmount: 1 });
    expect(p.stages.find((s) => s.stage === 'identified')).toMatchObject({ count: 1, amountUsd: 0, withAmount: 0 });
    expect(p.active).toEqual({ count: 2, amountUsd: 100_000 });
    expect(p.heldWithCommitment).toBe(2);
    expect(p.conversion).toBe(50);
    expect(p.rows.at(-1)!.count).toBe(2);
  });

  it('cooperantSectorMatrix: held meetings per cooperant and sector', () => {
    const m = cooperantSectorMatrix(small());
    const jica = m.rows.find((r) => r.externalId === 'JICA')!;
    expect(jica.s_AGUA).toBe(2);
    expect(jica.s_RESIDUOS).toBe(1);
    expect(jica.total).toBe(3);
    const bid = m.rows.find((r) => r.externalId === 'BID')!;
    expect(bid.s_CLIMA).toBe(1);
    expect(m.columns).toHaveLength(2 + 20 + 1);
  });
});

describe('performance', () => {
  it('every report over 5,000 meetings in ≤ 500 ms', () => {
    const big = syntheticReportData({ slots: 48, tables: 72, placed: 3456, unplaced: 1544, cooperants: 100, participation: 1 });
    expect(big.meetings.length).toBe(5000);
    const reports: Record<string, (d: ReportData) => unknown> = {
      summary,
      byGadm,
      byCooperant,
      bySector,
      byOds,
      byCompetencia,
      byModalidad,
      pipeline,
      cooperantSectorMatrix,
    };
    for (const [name, fn] of Object.entries(reports)) {
      // A fresh copy each time, so the lookups cached per data object are paid by every report.
      const data = { ...big };
      const t0 = performance.now();
      fn(data);
      const ms = performance.now() - t0;
      expect({ name, ok: ms <= 500 }).toEqual({ name, ok: true });
    }
  });
});
