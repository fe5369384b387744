/** One problem found in an exchange file: where it is (JSON path like `demands[3].sectors[0]`) and what is wrong. */
export interface FormatIssue {
  path: string;
  message: string;
}

/**
 * Raised by every exchange-format reader. It carries all the issues found, not only the
 * first, so that an organiser can fix a half-filled file in one pass.
 */
export class FormatError extends Error {
  constructor(public readonly issues: FormatIssue[]) {
    super(FormatError.describe(issues));
    this.name = 'FormatError';
  }

  static describe(issues: FormatIssue[]): string {
    const head = `Archivo inválido (${issues.length} problema${issues.length === 1 ? '' : 's'}) / Invalid file (${issues.length} issue${issues.length === 1 ? '' : 's'})`;
    const lines = issues.map((i) => `  ${i.path || '(raíz / root)'}: ${i.message}`);
    return [head, ...lines].join('\n');
  }
}

/** Renders a path from zod (`['demands', 3, 'sectors', 0]`) as `demands[3].sectors[0]`. */
export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

interface ZodLikeIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/**
 * Converts a zod error (or its `issues` array) into FormatIssues. Typed structurally so this
 * module does not depend on a particular zod major version.
 */
export function zodIssuesToFormatIssues(err: { issues: ReadonlyArray<ZodLikeIssue> } | ReadonlyArray<ZodLikeIssue>): FormatIssue[] {
  const issues = Array.isArray(err) ? (err as ReadonlyArray<ZodLikeIssue>) : (err as { issues: ReadonlyArray<ZodLikeIssue> }).issues;
  return issues.map((i) => ({ path: formatJsonPath(i.path), message: i.message }));
}
