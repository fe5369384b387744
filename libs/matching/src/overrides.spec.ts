import type { MatchRow } from '@rueda/formats';
import { applyOverrides, PIN_REASON, scoredPerDemand } from './overrides';

const sector = { kind: 'sector', detail: 'AGUA' };
const row = (demand: string, offer: string, score: number): MatchRow => ({ demand, offer, rank: 0, score, reasons: [sector] });
const shown = (rows: MatchRow[]) => rows.map((r) => `${r.demand}:${r.rank}:${r.offer}@${r.score}`);

/**
 * A demand of Cuenca (D1) scored against four cooperants' offers, best first, as the scorer
 * returns them when asked for `scoredPerDemand` offers; the organisers keep two per demand.
 */
describe('the organisers’ pins and blocks over a scoring run', () => {
  const scored = [row('D1', 'KFW', 0.9), row('D1', 'JICA', 0.8), row('D1', 'BID', 0.7), row('D1', 'GIZ', 0.6), row('D2', 'KFW', 0.5)];

  it('without overrides the best `top` of each demand are kept, ranked from 1', () => {
    expect(shown(applyOverrides(scored, [], 2))).toEqual(['D1:1:KFW@0.9', 'D1:2:JICA@0.8', 'D2:1:KFW@0.5']);
    expect(scoredPerDemand(2, [])).toBe(2);
  });

  it('a blocked pair is dropped and the next best fills its place; the scorer is asked for one more per block', () => {
    const blocks = [{ demand: 'D1', offer: 'KFW', mode: 'block' as const }];
    expect(scoredPerDemand(2, blocks)).toBe(3);
    expect(shown(applyOverrides(scored, blocks, 2))).toEqual(['D1:1:JICA@0.8', 'D1:2:BID@0.7', 'D2:1:KFW@0.5']);
  });

  it('a pinned pair the scorer kept goes first with its own score and the pin as first reason', () => {
    const rows = applyOverrides(scored, [{ demand: 'D1', offer: 'JICA', mode: 'pin' }], 2);
    expect(shown(rows)).toEqual(['D1:1:JICA@0.8', 'D1:2:KFW@0.9', 'D2:1:KFW@0.5']);
    expect(rows[0].reasons).toEqual([PIN_REASON, sector]);
  });

  it('a pinned pair the scorer did not keep comes in first with score 1, on top of the `top` scored ones', () => {
    const rows = applyOverrides(scored, [{ demand: 'D1', offer: 'GIZ', mode: 'pin' }], 2);
    expect(shown(rows)).toEqual(['D1:1:GIZ@1', 'D1:2:KFW@0.9', 'D1:3:JICA@0.8', 'D2:1:KFW@0.5']);
    expect(rows[0].reasons).toEqual([PIN_REASON]);
  });

  it('a pin of a demand without any scored offer still shows it; blocks on other pairs of the demand still apply', () => {
    const rows = applyOverrides(
      scored,
      [
        { demand: 'D3', offer: 'BID', mode: 'pin' },
        { demand: 'D1', offer: 'JICA', mode: 'block' },
      ],
      2,
    );
    expect(shown(rows)).toEqual(['D1:1:KFW@0.9', 'D1:2:BID@0.7', 'D2:1:KFW@0.5', 'D3:1:BID@1']);
  });

  it('two pins of one demand both go first, the better scored one ahead', () => {
    const pins = [
      { demand: 'D1', offer: 'BID', mode: 'pin' as const },
      { demand: 'D1', offer: 'JICA', mode: 'pin' as const },
    ];
    expect(shown(applyOverrides(scored, pins, 2))).toEqual(['D1:1:BID@1', 'D1:2:JICA@0.8', 'D1:3:KFW@0.9', 'D2:1:KFW@0.5']);
  });
});
