import type { MatchDemand, MatchInput, MatchOffer } from '@rueda/formats';
import { RequestOutcome } from './feedback';
import { buildMatchIndex } from './match-index';
import { generateMatchInput } from './testing/synthetic';

const water = (id: string, participant: string): MatchDemand => ({
  id,
  participant,
  title: 'Agua potable para la cabecera cantonal',
  description: 'Ampliación de la red de agua potable.',
  sectors: ['AGUA'],
});
const offer = (id: string, participant: string): MatchOffer => ({
  id,
  participant,
  title: 'Agua potable y saneamiento',
  description: 'Asistencia técnica para sistemas de agua potable.',
  sectors: ['AGUA'],
});

// Two cooperants with the same water offer; earlier water requests to one were declined and to
// the other accepted.
const input: MatchInput = {
  format: 'rueda.match-input/1',
  participants: [
    { id: '0104', kind: 'gadm' },
    { id: '0105', kind: 'gadm' },
    { id: '0106', kind: 'gadm' },
    { id: 'KFW', kind: 'cooperant', name: 'KfW' },
    { id: 'JICA', kind: 'cooperant', name: 'JICA' },
  ],
  demands: [water('D1', '0104'), water('D2', '0105'), water('D3', '0106')],
  offers: [offer('O-KFW', 'KFW'), offer('O-JICA', 'JICA')],
};
const requests: RequestOutcome[] = [
  { gadm: '0105', cooperant: 'KFW', demand: 'D2', offer: 'O-KFW', accepted: false },
  { gadm: '0106', cooperant: 'KFW', demand: 'D3', offer: 'O-KFW', accepted: false },
  { gadm: '0105', cooperant: 'JICA', demand: 'D2', offer: 'O-JICA', accepted: true },
  { gadm: '0106', cooperant: 'JICA', demand: 'D3', offer: 'O-JICA', accepted: true },
  { gadm: '0106', cooperant: 'JICA', offer: 'O-JICA', accepted: false },
];

describe('learning from the event', () => {
  it('changes nothing without answered requests', () => {
    const plain = buildMatchIndex(input);
    const empty = buildMatchIndex(input, { feedback: { requests: [] } });
    expect(empty.score('D1', 'O-KFW')).toBe(plain.score('D1', 'O-KFW'));
    expect(empty.explain('D1', 'O-KFW').components.feedback).toBe(0);
  });

  it('moves a cooperant that accepted similar requests above one that declined them, and says why', () => {
    const plain = buildMatchIndex(input);
    expect(plain.score('D1', 'O-KFW')).toBe(plain.score('D1', 'O-JICA'));
    const learnt = buildMatchIndex(input, { feedback: { requests } });
    expect(
      learnt
        .topOffersPerDemand(2)
        .get('D1')!
        .map((r) => r.offer),
    ).toEqual(['O-JICA', 'O-KFW']);
    const up = learnt.explain('D1', 'O-JICA');
    const down = learnt.explain('D1', 'O-KFW');
    // JICA: 2 accepted, 1 declined on water → (2 − 1) / (3 + 1) × 0.1 = +0.025.
    expect(up.components.feedback).toBeCloseTo(0.025, 6);
    // KfW: 0 accepted, 2 declined → (0 − 2) / (2 + 1) × 0.1 ≈ −0.067.
    expect(down.components.feedback).toBeCloseTo(-0.2 / 3, 6);
    expect(up.reasons).toContainEqual({
      kind: 'feedback',
      detail: 'Aprendido en este evento: JICA aceptó 2 de 3 solicitudes sobre Agua potable y saneamiento (+0,03)',
      detailEn: 'Learnt at this event: JICA accepted 2 of 3 requests on Water and sanitation (+0.03)',
    });
    expect(down.reasons).toContainEqual(
      expect.objectContaining({
        detail: 'Aprendido en este evento: KfW aceptó 0 de 2 solicitudes sobre Agua potable y saneamiento (−0,07)',
      }),
    );
  });

  it('keeps every score in [0, 1] and the pruned search exact', () => {
    const big = generateMatchInput({ demands: 60, offers: 90, seed: 4 });
    const coops = big.participants.filter((p) => p.kind === 'cooperant');
    const reqs: RequestOutcome[] = big.demands.slice(0, 40).map((d, i) => ({
      gadm: d.participant,
      cooperant: coops[i % coops.length].id,
      demand: d.id,
      accepted: i % 3 !== 0,
    }));
    const index = buildMatchIndex(big, { feedback: { requests: reqs, strength: 0.5 } });
    const brute = index.topOffersPerDemand(5, 'brute');
    const pruned = index.topOffersPerDemand(5, 'pruned');
    expect(pruned).toEqual(brute);
    index.scoreAll((_d, _o, s) => {
      if (!(s >= 0 && s <= 1)) throw new Error(`score out of range: ${s}`);
    });
  });

  it('rejects a strength outside 0..0.5', () => {
    expect(() => buildMatchIndex(input, { feedback: { requests, strength: 2 } })).toThrow(/strength/);
  });
});
