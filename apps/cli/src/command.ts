/** A CLI command: receives the arguments after its name, returns the process exit code. */
export interface CliCommand {
  description: string;
  run(args: string[]): Promise<number>;
}

/** Thrown for user errors (bad flags, bad files): printed without a stack trace, exit code 2. */
export class CliUsageError extends Error {}
