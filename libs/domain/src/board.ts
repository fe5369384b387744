/**
 * The big screen's rotation and the entrance's "find your table" search: plain rules shared by
 * the board page and its tests, so the page, the benchmark and the spec agree on one promise —
 * every occupied table of a round shows within one rotation of at most BOARD_CYCLE_MS.
 */

/** One full rotation (all pages of a round) must fit in this. */
export const BOARD_CYCLE_MS = 30_000;
/** How long a page stays when the rotation has room to spare: long enough to find a name. */
export const BOARD_PAGE_MS = 8_000;
/** Below this a page cannot be read; a round that needs more pages then rotates more slowly. */
export const BOARD_MIN_PAGE_MS = 5_000;

/** Cuts a round's rows (already in table order) into pages of `perPage`. */
export function boardPages<T>(rows: readonly T[], perPage: number): T[][] {
  const size = Math.max(1, Math.floor(perPage));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** How long each page stays so that `pages` pages fit in one rotation (never shorter than readable). */
export function boardPageMs(pages: number): number {
  if (pages <= 1) return BOARD_PAGE_MS;
  return Math.min(BOARD_PAGE_MS, Math.max(BOARD_MIN_PAGE_MS, Math.floor(BOARD_CYCLE_MS / pages)));
}

/**
 * The page on screen at `now`, from the clock alone: every screen of the hall (and a reload)
 * shows the same page at the same moment, and a test with an injected clock knows which.
 */
export function boardPageAt(now: number, pages: number, pageMs = boardPageMs(pages)): number {
  if (pages <= 1) return 0;
  return Math.floor(now / pageMs) % pages;
}

/**
 * How many columns and rows of tables fit one round's box when `rounds` rounds share a screen
 * of this size. Measured on the board's CSS at 1920×1080: a column of names needs ~460 px to
 * keep a municipality's name readable, the headers take ~300 px and a table row ~76 px.
 */
export function boardGrid(width: number, height: number, rounds: 1 | 2 = 2): { columns: number; rows: number } {
  const columns = Math.min(4, Math.max(1, Math.floor(width / rounds / 460)));
  const rows = Math.max(4, Math.floor((height - 300) / 76));
  return { columns, rows };
}

/** Case-, accent- and spacing-insensitive form of a name, for searching ("Cañar" ≈ "canar"). */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Whether every word typed appears at the start of a word of the name ("san mig" finds "San Miguel"). */
export function nameMatches(name: string, query: string): boolean {
  const words = foldName(query).split(' ').filter(Boolean);
  if (!words.length) return false;
  const nameWords = foldName(name).split(' ');
  return words.every((w) => nameWords.some((n) => n.startsWith(w)));
}
