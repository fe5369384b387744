import { matchingJobId, matchingRunJobId } from './index';

const EVENT = '6f1c2a9e-0b7d-4c53-9a3e-2f7d1b8c4e10';

describe('matching job ids', () => {
  it('one job per event and data version; a retry of a failed run is a job of its own that names the same run', () => {
    expect(matchingJobId(EVENT, 7)).toBe(`match-${EVENT}-v7`);
    const retry = matchingJobId(EVENT, 7, 1763650800000);
    expect(retry).toBe(`match-${EVENT}-v7-retry-1763650800000`);
    // The failure listener finds the run by the first id, whichever job failed.
    expect(matchingRunJobId(retry)).toBe(matchingJobId(EVENT, 7));
    expect(matchingRunJobId(matchingJobId(EVENT, 7))).toBe(matchingJobId(EVENT, 7));
  });
});
