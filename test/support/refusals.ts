import { DomainError } from '@rueda/domain';

/** The DomainError a refused use case threw; fails the test when it was not refused. */
export async function refusal(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}

/** The fields of a use case refused as invalid, as the API would list them. */
export async function refusedFields(p: Promise<unknown>): Promise<unknown[] | undefined> {
  const e = (await p.then(
    () => undefined,
    (err: unknown) => err,
  )) as { kind?: string; fields?: unknown[] } | undefined;
  expect(e?.kind).toBe('invalid');
  return e!.fields;
}
