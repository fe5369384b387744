import { rankIndex, requestRank, summariseRequests } from './recommendation-report';

describe('recommendation report', () => {
  const idx = rankIndex(
    [{ demand: 'D1', offer: 'O1', rank: 1 }],
    [
      { participant: 'G1', counterpart: 'C2', rank: 3 },
      { participant: 'G2', counterpart: 'C3', rank: 7 },
    ],
  );

  it('ranks a request by its pair, else by counterpart in either direction', () => {
    expect(requestRank({ from: 'G1', to: 'C1', demand: 'D1', offer: 'O1' }, idx)).toBe(1);
    // The pair's own rank wins over the counterpart's.
    const both = rankIndex([{ demand: 'D1', offer: 'O2', rank: 2 }], [{ participant: 'G1', counterpart: 'C2', rank: 1 }]);
    expect(requestRank({ from: 'G1', to: 'C2', demand: 'D1', offer: 'O2' }, both)).toBe(2);
    expect(requestRank({ from: 'G1', to: 'C2', demand: 'D1', offer: 'O9' }, idx)).toBe(3);
    expect(requestRank({ from: 'C3', to: 'G2' }, idx)).toBe(7);
    expect(requestRank({ from: 'G2', to: 'C4' }, idx)).toBeUndefined();
  });

  it('counts requests from the top five and the acceptance rate by rank', () => {
    const r = summariseRequests([
      { rank: 1, answer: 'accepted' },
      { rank: 1, answer: 'declined' },
      { rank: 3, answer: 'declined' },
      { rank: 7, answer: 'pending' },
      { rank: undefined, answer: 'expired' },
      { rank: 12, answer: 'accepted' },
    ]);
    expect(r).toMatchObject({ requests: 6, top: 5, fromTop: 3, shareFromTop: 0.5 });
    const by = Object.fromEntries(r.byRank.map((b) => [b.rank, b]));
    expect(by['1']).toEqual({ rank: '1', requests: 2, decided: 2, accepted: 1, acceptanceRate: 0.5 });
    expect(by['3']).toEqual({ rank: '3', requests: 1, decided: 1, accepted: 0, acceptanceRate: 0 });
    expect(by['6-10']).toEqual({ rank: '6-10', requests: 1, decided: 0, accepted: 0, acceptanceRate: null });
    expect(by.none).toEqual({ rank: 'none', requests: 2, decided: 1, accepted: 1, acceptanceRate: 1 });
  });

  it('has no share without requests', () => {
    expect(summariseRequests([]).shareFromTop).toBeNull();
  });
});
