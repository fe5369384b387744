/** A CLI command: receives the arguments after its name, returns the process exit code. */
export interface CliCommand {
  description: string;
  run(args: string[]): Promise<number>;
}

/** Thrown for user errors (bad flags, bad files): printed without a stack trace, exit code 2. */
export class CliUsageError extends Error {}

/** A problem of an import's report (libs/importing ImportIssue), as far as the command line shows it. */
interface ReportedIssue {
  row: number;
  column: string | null;
  severity: string;
  message: { es: string; en: string };
}

/**
 * What the command line prints when a use case refuses a command: the reason, then each field
 * as the flag that carries it, in Spanish and English (the API answers the same with a 400), and
 * for a refused import each error of its report by row and column (the API's 422 report).
 */
export function refusalText(err: {
  message: string;
  fields?: { path: string; es: string; en: string }[];
  details?: Record<string, unknown>;
}): string {
  const fields = (err.fields ?? []).map((f) => `  --${f.path}: ${f.es} / ${f.en}\n`).join('');
  const report = err.details?.report as { kind?: string; issues?: ReportedIssue[] } | undefined;
  const issues = (report?.issues ?? [])
    .filter((i) => i.severity === 'error')
    .map((i) => {
      const where = [report?.kind, i.row > 0 ? `fila / row ${i.row}` : null, i.column].filter(Boolean).join(', ');
      // The messages name the offending value themselves.
      return `  ${where}: ${i.message.es} / ${i.message.en}\n`;
    })
    .join('');
  return `${err.message}\n${fields}${issues}`;
}
