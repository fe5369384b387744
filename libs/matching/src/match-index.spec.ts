import fc from 'fast-check';
import type { MatchDemand, MatchInput, MatchOffer, MatchParticipant } from '@rueda/formats';
import { parseMatchOutput } from '@rueda/formats';
import { buildMatchIndex } from './match-index';
import { runMatch } from './run-match';
import { generateMatchInput } from './testing/synthetic';

const gadm = (id: string, extra: Partial<MatchParticipant> = {}): MatchParticipant => ({ id, kind: 'gadm', ...extra });
const coop = (id: string): MatchParticipant => ({ id, kind: 'cooperant' });

function event(demands: MatchDemand[], offers: MatchOffer[], participants?: MatchParticipant[]): MatchInput {
  const ids = new Set<string>();
  const ps: MatchParticipant[] = participants ?? [];
  if (!participants) {
    for (const d of demands) if (!ids.has(d.participant)) (ids.add(d.participant), ps.push(gadm(d.participant)));
    for (const o of offers) if (!ids.has(o.participant)) (ids.add(o.participant), ps.push(coop(o.participant)));
  }
  return { format: 'rueda.match-input/1', participants: ps, demands, offers };
}

// 0104 NABÓN (Azuay, Sierra), 1303 CHONE (Manabí, Costa), 1501 TENA (Napo, Amazonía).
const water: MatchDemand = {
  id: 'D1',
  participant: '0104',
  title: 'Estudios para planta de agua potable',
  description: 'Diseños definitivos de la planta de potabilización y la red de distribución.',
  sectors: ['AGUA'],
  modalidades: ['ASIST_TEC'],
  amountUsd: 250000,
};
const offerWater: MatchOffer = {
  id: 'O-AGUA',
  participant: 'CAF',
  title: 'Preinversión en agua y saneamiento',
  description: 'Estudios de agua potable y alcantarillado.',
  sectors: ['AGUA'],
  modalidades: ['ASIST_TEC', 'CREDITO'],
  regions: ['Sierra', 'Costa'],
  minAmountUsd: 50000,
  maxAmountUsd: 2000000,
};
const offerWaste: MatchOffer = {
  id: 'O-RES',
  participant: 'JICA',
  title: 'Gestión integral de residuos sólidos',
  description: 'Reciclaje, recolección y relleno sanitario.',
  sectors: ['RESIDUOS'],
  modalidades: ['ASIST_TEC'],
};
const offerMobility: MatchOffer = {
  id: 'O-MOV',
  participant: 'GIZ',
  title: 'Movilidad urbana sostenible',
  description: 'Transporte público y ciclovías.',
  sectors: ['MOVILIDAD'],
  modalidades: ['CAPACITACION'],
};

describe('score', () => {
  it('is in [0, 1] and ranks the on-topic offer first, with checkable reasons', () => {
    const index = buildMatchIndex(event([water], [offerWaste, offerWater, offerMobility]));
    const s = ['O-AGUA', 'O-RES', 'O-MOV'].map((o) => index.score('D1', o)!);
    for (const x of s) (expect(x).toBeGreaterThanOrEqual(0), expect(x).toBeLessThanOrEqual(1));
    expect(s[0]).toBeGreaterThan(s[1] + 0.3);
    const e = index.explain('D1', 'O-AGUA');
    expect(e.reasons).toEqual(
      expect.arrayContaining([
        { kind: 'sector', detail: 'Agua potable y saneamiento', detailEn: 'Water and sanitation' },
        { kind: 'modalidad', detail: 'Asistencia técnica', detailEn: 'Technical assistance' },
        {
          kind: 'amount',
          detail: '250.000 USD dentro del rango de la oferta (50.000 – 2.000.000 USD)',
          detailEn: "250,000 USD within the offer's range (50,000 – 2,000,000 USD)",
        },
        { kind: 'territory', detail: 'región Sierra', detailEn: 'Sierra region' },
      ]),
    );
    const text = e.reasons.find((r) => r.kind === 'text')!;
    expect(text.detail).toMatch(/agua/);
    expect(text.detail).toMatch(/potable/);
  });

  it('stays in [0, 1] for any weights and any synthetic pair', () => {
    const input = generateMatchInput({ demands: 30, offers: 60, seed: 9 });
    const w = fc.double({ min: 0, max: 5, noNaN: true });
    fc.assert(
      fc.property(
        fc.record({ sector: w, thematic: w, text: w, modality: w, amount: fc.double({ min: 0.01, max: 5, noNaN: true }), territory: w }),
        (weights) => {
          const index = buildMatchIndex(input, { weights });
          index.scoreAll((_d, _o, s) => {
            if (!(s >= 0 && s <= 1)) throw new Error(`score out of range: ${s}`);
          });
        },
      ),
      { numRuns: 20 },
    );
  });

  it('excludes pairs outside the offer territory, by region or province', () => {
    const amazon: MatchOffer = { ...offerWater, id: 'O-AMZ', regions: ['Amazonía'], minAmountUsd: undefined, maxAmountUsd: undefined };
    const azuay: MatchOffer = {
      ...offerWater,
      id: 'O-AZ',
      regions: [],
      provinces: ['01'],
      minAmountUsd: undefined,
      maxAmountUsd: undefined,
    };
    const tena: MatchDemand = { ...water, id: 'D2', participant: '1501' };
    const index = buildMatchIndex(event([water, tena], [amazon, azuay]));
    expect(index.score('D1', 'O-AMZ')).toBeNull();
    expect(index.score('D2', 'O-AMZ')).not.toBeNull();
    expect(index.score('D1', 'O-AZ')).not.toBeNull();
    expect(index.score('D2', 'O-AZ')).toBeNull();
    expect(index.explain('D1', 'O-AMZ')).toMatchObject({ eligible: false, ineligibleReason: expect.stringContaining('Amazonía') });
    expect(index.explain('D1', 'O-AZ').reasons).toContainEqual({
      kind: 'territory',
      detail: 'provincia de Azuay',
      detailEn: 'Azuay province',
    });
  });

  it('applies the amount range only when the demand states an amount', () => {
    const big: MatchOffer = { ...offerWater, id: 'O-BIG', minAmountUsd: 2_000_000, maxAmountUsd: undefined };
    const noAmount: MatchDemand = { ...water, id: 'D2', amountUsd: undefined };
    const index = buildMatchIndex(event([water, noAmount], [big]));
    expect(index.score('D1', 'O-BIG')).toBeNull();
    expect(index.explain('D1', 'O-BIG').ineligibleReason).toContain('fuera del rango');
    expect(index.score('D2', 'O-BIG')).not.toBeNull();
  });

  it('relates a demand tagged only with competencia C04 to the sectors that serve it', () => {
    const c04: MatchDemand = { id: 'D-C04', participant: '0104', title: 'Proyecto municipal', description: '', competencias: ['C04'] };
    const index = buildMatchIndex(event([c04], [offerWater, offerWaste, offerMobility]));
    const sWater = index.explain('D-C04', 'O-AGUA');
    const sMob = index.explain('D-C04', 'O-MOV');
    expect(sWater.components.sector).toBeGreaterThan(0);
    expect(sMob.components.sector).toBe(0);
    expect(sWater.score).toBeGreaterThan(sMob.score);
    expect(sWater.reasons).toContainEqual({
      kind: 'competencia',
      detail: 'Agua, alcantarillado y residuos → Agua potable y saneamiento',
      detailEn: 'Water, sewerage and waste → Water and sanitation',
    });
  });

  it('matches synonyms: basura meets desechos and solid waste', () => {
    const basura: MatchDemand = {
      id: 'D-B',
      participant: '0104',
      title: 'Basura',
      description: 'Mejorar el manejo de la basura del cantón.',
    };
    const desechos: MatchOffer = { id: 'O-D', participant: 'X', title: 'Desechos', description: 'Apoyo para manejo de desechos.' };
    const english: MatchOffer = { id: 'O-E', participant: 'Y', title: 'Solid waste', description: 'Support for solid waste management.' };
    const roads: MatchOffer = {
      id: 'O-R',
      participant: 'Z',
      title: 'Vialidad',
      description: 'Apoyo para pavimentación de calles del cantón.',
    };
    const index = buildMatchIndex(event([basura], [roads, desechos, english]));
    const top = index.topOffersPerDemand(3, 'brute').get('D-B')!;
    expect(
      top
        .map((t) => t.offer)
        .slice(0, 2)
        .sort(),
    ).toEqual(['O-D', 'O-E']);
    const text = index.explain('D-B', 'O-D').reasons.find((r) => r.kind === 'text');
    expect(text?.detail).toContain('basura≈desechos');
  });

  it('infers sectors for text-only items and shows the inference as a reason', () => {
    const textOnly: MatchDemand = {
      id: 'D-T',
      participant: '0104',
      title: 'Basura en el río',
      description: 'Queremos reciclar y hacer compost con los restos del mercado.',
    };
    const index = buildMatchIndex(event([textOnly], [offerWaste, offerWater, offerMobility]));
    expect(index.inferredSectors('demand', 'D-T')[0]).toMatchObject({ sector: 'RESIDUOS', words: expect.stringContaining('basura') });
    const top = index.topOffersPerDemand(1).get('D-T')!;
    expect(top[0].offer).toBe('O-RES');
    const r = index.explain('D-T', 'O-RES').reasons.find((x) => x.kind === 'inferred-sector');
    expect(r?.detail).toMatch(/^Residuos sólidos y reciclaje \(inferido del texto: .*basura.*\)$/);
    expect(r?.detail).toContain('reciclar');
  });

  it('still scores a demand with empty text on its tags', () => {
    const empty: MatchDemand = { id: 'D-E', participant: '0104', title: '', description: '', sectors: ['RESIDUOS'] };
    const index = buildMatchIndex(event([empty], [offerWater, offerWaste]));
    const top = index.topOffersPerDemand(2).get('D-E')!;
    expect(top[0]).toMatchObject({ offer: 'O-RES' });
    expect(top[0].score).toBeGreaterThan(top[1].score);
    expect(index.explain('D-E', 'O-RES').reasons).toContainEqual(
      expect.objectContaining({ kind: 'sector', detail: 'Residuos sólidos y reciclaje' }),
    );
  });

  it('reads a 100 KB description only up to the token cap it was given and still matches it', () => {
    const huge: MatchDemand = { ...water, id: 'D-HUGE', description: 'planta de agua potable con tratamiento y reservorio '.repeat(2000) };
    expect(huge.description.length).toBeGreaterThan(100_000);
    const index = buildMatchIndex(event([huge, water], [offerWater, offerWaste]), { maxTokens: 500 });
    // A work budget, not a wall clock: however long the text, at most maxTokens words are read.
    expect(index.analyzer.maxTokens).toBe(500);
    expect(index.analyzer.words(huge.description)).toHaveLength(500);
    const out = runMatch(index.input, { index, top: 2 });
    expect(out.matches.find((m) => m.demand === 'D-HUGE')?.offer).toBe('O-AGUA');
  });

  it('lets an event override weights', () => {
    // Text says water, tags say waste: the ranking follows whichever component weighs more.
    const mixed: MatchDemand = {
      id: 'D-M',
      participant: '0104',
      title: 'Agua potable y alcantarillado',
      description: 'planta de agua potable',
      sectors: ['RESIDUOS'],
    };
    const input = event([mixed], [offerWater, offerWaste]);
    const byTags = buildMatchIndex(input, { weights: { sector: 1, text: 0.01 } })
      .topOffersPerDemand(1)
      .get('D-M')![0].offer;
    const byText = buildMatchIndex(input, { weights: { sector: 0.01, thematic: 0, text: 1 } })
      .topOffersPerDemand(1)
      .get('D-M')![0].offer;
    expect(byTags).toBe('O-RES');
    expect(byText).toBe('O-AGUA');
    expect(() => buildMatchIndex(input, { weights: { text: -1 } })).toThrow(/Invalid weight text/);
  });
});

describe('top-k search', () => {
  it('pruned search returns exactly the brute-force top-k (offers, order and scores)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 15 }), (seed, k) => {
        const input = generateMatchInput({ demands: 40, offers: 300, seed, textOnlyShare: 0.3 });
        const index = buildMatchIndex(input);
        const a = index.topOffersPerDemandIdx(k, 'brute');
        const stats = { scoredPairs: 0, fullScans: 0 };
        const b = index.topOffersPerDemandIdx(k, 'pruned', stats);
        expect(Array.from(b.counts)).toEqual(Array.from(a.counts));
        expect(Array.from(b.items)).toEqual(Array.from(a.items));
        expect(Array.from(b.scores)).toEqual(Array.from(a.scores));
      }),
      { numRuns: 15 },
    );
  });

  it('pruning scores far fewer pairs than brute force on a realistic event', () => {
    const input = generateMatchInput({ demands: 200, offers: 2000, seed: 5 });
    const index = buildMatchIndex(input);
    const stats = { scoredPairs: 0, fullScans: 0 };
    index.topOffersPerDemandIdx(10, 'pruned', stats);
    expect(stats.scoredPairs).toBeLessThan(0.4 * 200 * 2000);
  });

  it('top demands per offer are the transposed ranking', () => {
    const input = generateMatchInput({ demands: 50, offers: 20, seed: 3 });
    const index = buildMatchIndex(input, { fairness: { enabled: false } });
    const perOffer = index.topDemandsPerOffer(5);
    const o = input.offers[0].id;
    const expected = input.demands
      .map((d) => ({ demand: d.id, score: index.score(d.id, o) }))
      .filter((x): x is { demand: string; score: number } => x.score !== null)
      .sort((a, b) => b.score - a.score)
      .slice(0, 5);
    expect(perOffer.get(o)!.map((r) => r.demand)).toEqual(expected.map((e) => e.demand));
  });
});

describe('counterparts and fairness', () => {
  // Capital cantons (INEC code ending in 01) count as large unless a population says otherwise.
  const waterAt = (id: string, gadmId: string, strength: number): MatchDemand => ({
    id,
    participant: gadmId,
    title: strength > 1 ? 'Agua potable, alcantarillado y saneamiento' : 'Agua potable',
    description: strength > 1 ? 'Estudios de agua potable y alcantarillado para la planta de saneamiento.' : 'Proyecto de agua.',
    sectors: ['AGUA'],
    modalidades: strength > 1 ? ['ASIST_TEC'] : undefined,
  });

  it('aggregates a GADM demands into per-cooperant scores (best pair wins)', () => {
    const d2: MatchDemand = { ...water, id: 'D2', title: 'Movilidad', description: 'transporte público', sectors: ['MOVILIDAD'] };
    const index = buildMatchIndex(event([water, d2], [offerWater, offerWaste, offerMobility]));
    const cps = index.topCounterparts('0104', 3);
    expect(cps[0].participant).toBe('CAF');
    expect(cps[0].pairs[0]).toMatchObject({ demand: 'D1', offer: 'O-AGUA' });
    expect(cps.map((c) => c.participant)).toContain('GIZ');
    expect(cps[0].score).toBe(index.score('D1', 'O-AGUA'));
    expect(() => index.topCounterparts('NOPE', 3)).toThrow(/Unknown participant/);
  });

  it('reserves a share of a cooperant list for small GADMs when their scores are close', () => {
    const capitals = ['0101', '0601', '1101', '1701', '0901'];
    const small = ['0104', '0607'];
    const demands = [...capitals.map((g, i) => waterAt(`DC${i}`, g, 2)), ...small.map((g, i) => waterAt(`DS${i}`, g, 1))];
    const input = event(demands, [{ ...offerWater, regions: [], minAmountUsd: undefined, maxAmountUsd: undefined }]);
    const plain = buildMatchIndex(input, { fairness: { enabled: false } }).topCounterparts('CAF', 4);
    expect(plain.every((c) => capitals.includes(c.participant))).toBe(true);
    const fair = buildMatchIndex(input, { fairness: { minRelativeScore: 0.5 } }).topCounterparts('CAF', 4);
    const promoted = fair.filter((c) => small.includes(c.participant));
    expect(promoted).toHaveLength(Math.ceil(4 * 0.3));
    expect(promoted.every((c) => c.promoted)).toBe(true);
    // Never displaces a much better match: with a strict ratio nothing changes.
    const strict = buildMatchIndex(input, { fairness: { minRelativeScore: 0.99 } }).topCounterparts('CAF', 4);
    expect(strict.map((c) => c.participant)).toEqual(plain.map((c) => c.participant));
  });

  it('uses population, when given, as the size proxy', () => {
    const index = buildMatchIndex(event([], []), {});
    expect(index.isSmallGadm(gadm('0101'))).toBe(false);
    expect(index.isSmallGadm(gadm('0104'))).toBe(true);
    expect(index.isSmallGadm(gadm('1308', { population: 260_000 }))).toBe(false);
    expect(index.isSmallGadm(gadm('0101', { population: 20_000 }))).toBe(true);
  });

  it('applies the quota to top demands per offer too', () => {
    const capitals = ['0101', '0601', '1101', '1701', '0901'];
    const demands = [...capitals.map((g, i) => waterAt(`DC${i}`, g, 2)), waterAt('DS0', '0104', 1)];
    const input = event(demands, [{ ...offerWater, regions: [], minAmountUsd: undefined, maxAmountUsd: undefined }]);
    const list = buildMatchIndex(input, { fairness: { minRelativeScore: 0.5 } })
      .topDemandsPerOffer(3)
      .get('O-AGUA')!;
    expect(list.map((r) => r.demand)).toContain('DS0');
    expect(list.find((r) => r.demand === 'DS0')?.promoted).toBe(true);
  });
});

describe('runMatch', () => {
  it('produces a valid rueda.match-output/1 with ranks per demand and no ineligible pair', () => {
    const input = generateMatchInput({ demands: 30, offers: 120, seed: 11 });
    const out = parseMatchOutput(JSON.parse(JSON.stringify(runMatch(input, { top: 4 }))));
    const index = buildMatchIndex(input);
    const byDemand = new Map<string, number[]>();
    for (const m of out.matches) {
      expect(index.score(m.demand, m.offer)).not.toBeNull();
      expect(m.reasons.length).toBeGreaterThan(0);
      byDemand.set(m.demand, [...(byDemand.get(m.demand) ?? []), m.rank]);
    }
    for (const ranks of byDemand.values()) expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    expect(Math.max(...[...byDemand.values()].map((r) => r.length))).toBe(4);
    expect(() => runMatch(input, { top: 0 })).toThrow(RangeError);
  });

  it('is deterministic', () => {
    const input = generateMatchInput({ demands: 20, offers: 80, seed: 12 });
    expect(JSON.stringify(runMatch(input))).toBe(JSON.stringify(runMatch(input)));
  });
});

describe('re-entrancy', () => {
  it('score() inside a scoreAll visitor returns the same value and does not disturb the scan', () => {
    const input = generateMatchInput({ demands: 10, offers: 30, seed: 4 });
    const index = buildMatchIndex(input);
    const plain: number[] = [];
    index.scoreAll((_d, _o, s) => plain.push(s));
    const nested: number[] = [];
    index.scoreAll((d, o, s) => {
      expect(index.scoreAt(d, o)).toBe(s);
      nested.push(s);
    });
    expect(nested).toEqual(plain);
  });
});
