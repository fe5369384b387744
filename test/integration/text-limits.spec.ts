import { z } from 'zod';
import { TEXT_LIMITS } from '@rueda/domain';
import { createTestDatabase } from '../support/database';
import { RESOURCES } from '../../apps/api/src/modules/records/resources';
import { CreateEventBody, SessionBody, UpdateEventBody } from '../../apps/api/src/modules/events/events.schemas';
import { RequestBody } from '../../apps/api/src/modules/meetings/meetings.controller';
import { CreateCommitmentBody, OutcomeBody, UpdateCommitmentBody } from '../../apps/api/src/modules/outcomes/outcomes.schemas';
import { CreateUserBody } from '../../apps/api/src/modules/auth/users.controller';

type JsonSchema = {
  type?: string;
  maxLength?: number;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/** Every API body schema that writes a table's text columns. */
const API_SCHEMAS: { name: string; table: string; schema: z.ZodType }[] = [
  ...Object.values(RESOURCES).flatMap((spec) => [
    { name: `${spec.path} create`, table: spec.path, schema: spec.create as z.ZodType },
    { name: `${spec.path} update`, table: spec.path, schema: spec.update as z.ZodType },
  ]),
  { name: 'event create', table: 'events', schema: CreateEventBody },
  { name: 'event update', table: 'events', schema: UpdateEventBody },
  { name: 'session', table: 'event_sessions', schema: SessionBody },
  { name: 'user create', table: 'users', schema: CreateUserBody },
  { name: 'meeting request', table: 'meetings', schema: RequestBody },
  { name: 'outcome', table: 'meeting_outcomes', schema: OutcomeBody },
  { name: 'commitment create', table: 'commitments', schema: CreateCommitmentBody },
  { name: 'commitment update', table: 'commitments', schema: UpdateCommitmentBody },
];

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The string branch of a (possibly nullable) property, with its maxLength. */
function stringOf(s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s) return undefined;
  if (s.type === 'string') return s;
  return (s.anyOf ?? s.oneOf ?? []).map(stringOf).find(Boolean);
}

describe('text limits: one table (TEXT_LIMITS) for the database, the API and the import', () => {
  let columns: Map<string, Map<string, number>>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    const rows: { table_name: string; column_name: string; max: number }[] = await db.dataSource.query(
      `SELECT table_name, column_name, character_maximum_length AS max FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'character varying'`,
    );
    columns = new Map();
    for (const r of rows) columns.set(r.table_name, (columns.get(r.table_name) ?? new Map()).set(r.column_name, r.max));
  }, 120_000);
  afterAll(async () => drop?.());

  it('every limited text column of the migrated schema is as long as TEXT_LIMITS says', () => {
    const checked: string[] = [];
    for (const [table, fields] of Object.entries(TEXT_LIMITS)) {
      for (const [field, max] of Object.entries(fields)) {
        const column = columns.get(table)?.get(snake(field));
        if (column === undefined) continue; // a `text` column: no length to agree with
        expect({ at: `${table}.${snake(field)}`, max: column }).toEqual({ at: `${table}.${snake(field)}`, max });
        checked.push(`${table}.${field}`);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(30);
  });

  it.each(API_SCHEMAS)('$name: every string the API writes to a column has exactly that column’s length', ({ table, schema }) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    const props = json.properties ?? {};
    const compared: string[] = [];
    for (const [name, prop] of Object.entries(props)) {
      const string = stringOf(prop);
      const column = columns.get(table)?.get(snake(name));
      if (!string || column === undefined) continue;
      if (string.enum) {
        // A closed list of codes: each must fit.
        for (const v of string.enum) expect({ field: name, value: v, fits: String(v).length <= column }).toMatchObject({ fits: true });
        continue;
      }
      if (string.pattern && string.format !== 'email') continue; // a fixed-shape code (INEC, province): bounded by its pattern
      expect({ field: name, maxLength: string.maxLength }).toEqual({ field: name, maxLength: column });
      expect(TEXT_LIMITS[table as keyof typeof TEXT_LIMITS]).toHaveProperty(name, column);
      compared.push(name);
    }
    expect(compared.length).toBeGreaterThan(0);
  });
});
