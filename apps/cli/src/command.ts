/** A CLI command: receives the arguments after its name, returns the process exit code. */
export interface CliCommand {
  description: string;
  run(args: string[]): Promise<number>;
}

/** Thrown for user errors (bad flags, bad files): printed without a stack trace, exit code 2. */
export class CliUsageError extends Error {}

/**
 * What the command line prints when a use case refuses a command: the reason, then each field
 * as the flag that carries it, in Spanish and English (the API answers the same with a 400).
 */
export function refusalText(err: { message: string; fields?: { path: string; es: string; en: string }[] }): string {
  const fields = (err.fields ?? []).map((f) => `  --${f.path}: ${f.es} / ${f.en}\n`).join('');
  return `${err.message}\n${fields}`;
}
