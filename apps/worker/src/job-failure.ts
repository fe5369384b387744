import { DomainError } from '@rueda/domain';

/**
 * What a job's failure says, for the row the organiser reads: a refusal of the database keeps the
 * constraint it broke (the bilingual message alone, "the data breaks a rule", names nothing).
 */
export function asJobFailure(e: unknown): unknown {
  if (!(e instanceof DomainError)) return e;
  const constraint = (e.details as { constraint?: string } | undefined)?.constraint;
  return new Error(`${e.message} [${e.code}${constraint ? `: ${constraint}` : ''}]`, { cause: e });
}
