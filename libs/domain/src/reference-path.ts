import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Finds a file of data/reference whether we run from sources (tsx, jest) or from dist/. */
export function referencePath(file: string): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'data', 'reference', file);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`reference file not found: data/reference/${file}`);
    dir = parent;
  }
}
