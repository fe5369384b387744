import { meetingsAtOnce } from '@rueda/domain';
import { meetingsAtOnceSql } from '@rueda/persistence';
import { createTestDatabase } from '../support/database';

/** The candidates query skips full participants in SQL: its meetingsAtOnce must be the domain's, case by case. */
describe('meetingsAtOnce in SQL (real PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('answers what the domain rule answers for every kind, parallel setting, delegate count and fixed table', async () => {
    const cases = (['gadm', 'cooperant'] as const).flatMap((kind) =>
      [null, 0, 1, 2, 3].flatMap((parallel) =>
        [0, 1, 2, 4].flatMap((delegates) => [false, true].map((fixedTable) => ({ kind, parallel, delegates, fixedTable }))),
      ),
    );
    const expr = meetingsAtOnceSql({ kind: 'x.kind', parallel: 'x.parallel', delegates: 'x.delegates', fixedTable: 'x.fixed' });
    const rows: { n: number }[] = await db.dataSource.query(
      `SELECT ${expr}::int AS n FROM jsonb_to_recordset($1::jsonb) AS x(i int, kind text, parallel int, delegates int, fixed boolean)
        ORDER BY x.i`,
      [JSON.stringify(cases.map((c, i) => ({ i, kind: c.kind, parallel: c.parallel, delegates: c.delegates, fixed: c.fixedTable })))],
    );
    expect(cases.map((c, i) => ({ ...c, n: rows[i].n }))).toEqual(cases.map((c) => ({ ...c, n: meetingsAtOnce(c) })));
  });
});
