/**
 * How many meetings a participant holds at once: one at a fixed (reserved) table; else its own
 * `parallel` setting; else a cooperant sits in parallel with each of its delegates (at least
 * one) and a GADM holds one. Scheduling and the live day both read it from here.
 */
export function meetingsAtOnce(p: {
  kind: 'gadm' | 'cooperant';
  parallel: number | null | undefined;
  delegates: number;
  fixedTable: boolean;
}): number {
  if (p.fixedTable) return 1;
  if (p.parallel !== null && p.parallel !== undefined) return p.parallel;
  return p.kind === 'cooperant' ? Math.max(1, p.delegates) : 1;
}
