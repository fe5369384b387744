import { nudgeNotifications, SCAN_EVERY_MS, type NotifyJobData } from './index';

describe('nudging the notification pipeline after commits', () => {
  it('asks for one delayed scan per event and quarter second, whatever the number of commits in it', () => {
    const added: { data: NotifyJobData; jobId?: string; delay?: number }[] = [];
    const queue = { add: async (_: string, data: NotifyJobData, o?: { jobId?: string; delay?: number }) => added.push({ data, ...o }) };
    const E1 = '6f1c2a9e-0b7d-4c53-9a3e-2f7d1b8c4e10';
    const E2 = '7a2d3b0f-1c8e-4d64-8b4f-3e8e2c9d5f21';
    const t = 1_764_000_000_000; // a quarter's first millisecond
    nudgeNotifications(queue, [E1, E1, E2], t);
    nudgeNotifications(queue, [E1], t + SCAN_EVERY_MS - 1);
    nudgeNotifications(queue, [E1], t + SCAN_EVERY_MS);
    const q = t / SCAN_EVERY_MS;
    expect(added.map((a) => [a.data, a.jobId, a.delay])).toEqual([
      [{ kind: 'scan', eventId: E1 }, `scan-${E1}-${q}`, SCAN_EVERY_MS],
      [{ kind: 'scan', eventId: E2 }, `scan-${E2}-${q}`, SCAN_EVERY_MS],
      // Same quarter, same job id: BullMQ keeps the one job.
      [{ kind: 'scan', eventId: E1 }, `scan-${E1}-${q}`, SCAN_EVERY_MS],
      [{ kind: 'scan', eventId: E1 }, `scan-${E1}-${q + 1}`, SCAN_EVERY_MS],
    ]);
  });
});
