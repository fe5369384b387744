import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { RecoverCell, SetMeetingStatus, WORKER } from '@rueda/application';
import { seedDay, STAFF, startUseCases, type UseCaseEnv } from '../support/use-cases';

/**
 * Statements a no-show sends to PostgreSQL (issue 10): each is a round trip whose socket write
 * costs more CPU than Rueda's own work (docs/benchmarks.md, "Where the CPU of a no-show goes").
 * The counts are exact so that a statement added to the hot path shows up here; lower them when
 * a change saves one. Before the reductions of branch fewer-trips: 12 for the mark, 24 for
 * this recovery; before the streams' heads were read with the event's sequence, 9 and 15.
 */
describe('round trips of a no-show on PostgreSQL', () => {
  let env: UseCaseEnv;
  const sent: string[] = [];
  let counting = false;
  const query = PostgresQueryRunner.prototype.query;
  beforeAll(async () => {
    env = await startUseCases('2026-11-25T14:05:00Z');
    PostgresQueryRunner.prototype.query = function (this: PostgresQueryRunner, ...args: Parameters<typeof query>) {
      if (counting) sent.push(args[0].replace(/\s+/g, ' ').slice(0, 60));
      return query.apply(this, args);
    } as typeof query;
  });
  afterAll(async () => {
    PostgresQueryRunner.prototype.query = query;
    await env?.close();
  });
  const count = async (run: () => Promise<unknown>) => {
    sent.length = 0;
    counting = true;
    try {
      await run();
    } finally {
      counting = false;
    }
    // The link key is read once per process, before the first use case's transaction
    // (link-key-pool.spec.ts): a cost of starting, not of a no-show.
    return sent.filter((q) => !q.includes('install_secrets'));
  };

  it('a table marks a no-show in 8 statements; the recovery places the waiting meeting in 14', async () => {
    const day = await seedDay(env);
    const [g1, g2, c] = [
      await day.participant('0101', 'gadm'),
      await day.participant('0102', 'gadm'),
      await day.participant('CAF', 'cooperant'),
    ];
    for (const p of [g1, g2, c]) await day.checkIn(p);
    const missed = await day.meeting(g1, c, 'scheduled', { slot: 3, table: 1 });
    const waiting = await day.meeting(g2, c, 'accepted');
    const mark = await count(() =>
      env.useCases.execute(SetMeetingStatus, STAFF, { eventId: day.eventId, meetingId: missed, status: 'no_show', version: 1 }),
    );
    expect(mark).toHaveLength(8);
    let result: unknown;
    const recovery = await count(async () => {
      result = await env.useCases.execute(RecoverCell, WORKER, {
        eventId: day.eventId,
        slotId: day.slots[3],
        tableId: day.tables[1],
        freedMeetingId: missed,
        requestId: 'job-1',
      });
    });
    expect(result).toMatchObject({ applied: true, proposal: { status: 'applied', resultMeetingId: waiting } });
    expect(recovery).toHaveLength(14);
  });
});
