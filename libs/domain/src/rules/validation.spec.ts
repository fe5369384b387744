import { z } from 'zod';
import { bi, DomainError, invalid, notFound, NOUNS, parseInput, splitMessage } from '..';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).fields;
  }
  throw new Error('expected a DomainError');
};

describe('bilingual validation', () => {
  const Command = z
    .object({
      eventId: z.uuid(),
      name: z.string().min(1).max(5),
      tags: z.array(z.string()).max(2).optional(),
      lastSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      status: z.enum(['held', 'no_show']).optional(),
      day: z.iso.date().optional(),
    })
    .strict();

  it('names every wrong field, in Spanish and in English', () => {
    const fields = fieldsOf(() => parseInput(Command, { eventId: 'nope', name: '', extra: 1, lastSeq: 1e308, status: 'accepted' }));
    expect(fields).toEqual([
      { path: 'eventId', es: 'identificador UUID inválido', en: 'invalid UUID' },
      { path: 'name', es: 'no puede estar vacío', en: 'cannot be empty' },
      { path: 'lastSeq', es: 'debe ser ≤ 9.007.199.254.740.991', en: 'must be ≤ 9,007,199,254,740,991' },
      { path: 'status', es: 'valor no admitido: use "held", "no_show"', en: 'value not allowed: use "held", "no_show"' },
      { path: 'extra', es: 'campo desconocido', en: 'unknown field' },
    ]);
  });

  it('says a missing field is required and a wrong type what it expected', () => {
    expect(fieldsOf(() => parseInput(Command, { name: 7 }))).toEqual([
      { path: 'eventId', es: 'campo requerido', en: 'required' },
      { path: 'name', es: 'se esperaba texto, llegó número', en: 'expected text, received number' },
    ]);
    expect(fieldsOf(() => parseInput(Command, null))).toEqual([
      { path: '', es: 'se esperaba objeto, llegó nulo', en: 'expected object, received null' },
    ]);
  });

  it('keeps custom messages written with bi(), and old "es / en" ones', () => {
    const S = z.object({
      a: z.string().refine((v) => v === 'x', bi('debe ser x / o nada', 'must be x / or nothing')),
      b: z.string().refine((v) => v === 'y', 'ha de ser y / must be y'),
    });
    expect(fieldsOf(() => parseInput(S, { a: 'q', b: 'q' }))).toEqual([
      { path: 'a', es: 'debe ser x / o nada', en: 'must be x / or nothing' },
      { path: 'b', es: 'ha de ser y', en: 'must be y' },
    ]);
  });

  it('prefixes the path of what it validates (a route parameter)', () => {
    expect(fieldsOf(() => parseInput(z.uuid(), 'x', ['meetingId']))).toEqual([
      { path: 'meetingId', es: 'identificador UUID inválido', en: 'invalid UUID' },
    ]);
  });

  it('returns the parsed value with defaults applied', () => {
    expect(parseInput(z.object({ n: z.number().default(3) }), {})).toEqual({ n: 3 });
  });
});

describe('domain errors', () => {
  it('agree in gender in Spanish', () => {
    expect(notFound(NOUNS.meeting, 'm1').es).toBe('Reunión no encontrada: m1');
    expect(notFound(NOUNS.event, 'e1')).toMatchObject({
      kind: 'not_found',
      code: 'not_found',
      es: 'Evento no encontrado: e1',
      en: 'Event not found: e1',
    });
  });

  it('an invalid input names its fields in the message too', () => {
    const one = invalid([{ path: 'eventId', es: 'identificador UUID inválido', en: 'invalid UUID' }]);
    expect(one.es).toBe('Datos inválidos en «eventId»: identificador UUID inválido');
    expect(one.en).toBe('Invalid data in "eventId": invalid UUID');
    const two = invalid([
      { path: 'a', es: 'x', en: 'x' },
      { path: 'b', es: 'y', en: 'y' },
    ]);
    expect(two.en).toBe('Invalid data in 2 fields: a, b');
  });

  it('splits bilingual messages', () => {
    expect(splitMessage(bi('uno / dos', 'one'))).toEqual({ es: 'uno / dos', en: 'one' });
    expect(splitMessage('solo')).toEqual({ es: 'solo', en: 'solo' });
  });
});
