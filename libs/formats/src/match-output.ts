import { z } from 'zod';
import { FormatError, zodIssuesToFormatIssues } from './format-error';

export const MATCH_OUTPUT_FORMAT = 'rueda.match-output/1';

/** Why a pair scored: `kind` is one of sector, competencia, ods, modalidad, text, amount, territory, inferred-sector. */
export interface MatchReason {
  kind: string;
  /** What a person reads, in Spanish. */
  detail: string;
  /** The same in English, when the engine provides it. */
  detailEn?: string;
}

export interface MatchRow {
  demand: string;
  offer: string;
  /** 1 = best offer for this demand. */
  rank: number;
  /** In [0, 1]. */
  score: number;
  reasons: MatchReason[];
}

export interface MatchOutput {
  format: typeof MATCH_OUTPUT_FORMAT;
  matches: MatchRow[];
}

const schema = z.object({
  format: z.literal(MATCH_OUTPUT_FORMAT),
  matches: z.array(
    z.object({
      demand: z.string().min(1),
      offer: z.string().min(1),
      rank: z.number().int().min(1),
      score: z.number().min(0).max(1),
      reasons: z.array(z.object({ kind: z.string(), detail: z.string(), detailEn: z.string().optional() })),
    }),
  ),
});

/** Reads a `rueda.match-output/1` document (used by tests and by tools that consume engine results). */
export function parseMatchOutput(json: unknown): MatchOutput {
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== MATCH_OUTPUT_FORMAT) {
    throw new FormatError([
      {
        path: 'format',
        message: `formato desconocido ${JSON.stringify(format)}, se esperaba "${MATCH_OUTPUT_FORMAT}" / unknown format, expected "${MATCH_OUTPUT_FORMAT}"`,
      },
    ]);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new FormatError(zodIssuesToFormatIssues(parsed.error));
  return parsed.data as MatchOutput;
}

/** Serialises with a fixed key order so that two runs on the same input give byte-identical files. */
export function writeMatchOutput(out: MatchOutput): string {
  const matches = out.matches.map((m) => ({
    demand: m.demand,
    offer: m.offer,
    rank: m.rank,
    score: Math.round(Math.min(1, Math.max(0, m.score)) * 10000) / 10000,
    reasons: m.reasons.map((r) =>
      r.detailEn === undefined ? { kind: r.kind, detail: r.detail } : { kind: r.kind, detail: r.detail, detailEn: r.detailEn },
    ),
  }));
  return `${JSON.stringify({ format: MATCH_OUTPUT_FORMAT, matches }, null, 2)}\n`;
}
