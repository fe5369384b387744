/**
 * The length of every text a person can enter, in characters: the database columns are
 * declared with these (libs/persistence entities and migrations), the API schemas and the
 * spreadsheet import check them, so a text the API or an import dry run accepts always fits its
 * column (test/integration/text-limits.spec.ts compares all three). Keyed by table, then field.
 * Free texts stored as `text` (descriptions) have a limit here too, though no column needs it.
 */
export const TEXT_LIMITS = {
  events: { name: 200, venue: 300, description: 2000, timeZone: 64 },
  event_sessions: { label: 120 },
  tables: { label: 120 },
  participants: {
    externalId: 40,
    name: 300,
    canton: 120,
    province: 120,
    acronym: 40,
    tipo: 40,
    origin: 120,
    email: 200,
    phone: 60,
  },
  delegates: { externalId: 60, fullName: 200, role: 200, email: 200, phone: 60 },
  demands: { externalId: 80, title: 400, description: 100_000 },
  offers: { externalId: 80, title: 400, description: 100_000 },
  users: { email: 200, name: 200 },
  meetings: { note: 1000 },
  meeting_outcomes: { notes: 4000 },
  commitments: { title: 300, description: 4000 },
} as const;

export type TextLimitTable = keyof typeof TEXT_LIMITS;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Characters PostgreSQL cannot store in text (NUL) or that are not text at all (an unpaired UTF-16 surrogate). */
export function badTextReason(s: string): { es: string; en: string } | null {
  if (s.includes('\u0000')) return { es: 'contiene un carácter nulo (U+0000)', en: 'contains a null character (U+0000)' };
  if (LONE_SURROGATE.test(s))
    return { es: 'contiene un carácter Unicode inválido (sustituto suelto)', en: 'contains an invalid Unicode character (lone surrogate)' };
  return null;
}

/**
 * The first string (value or key) anywhere in a JSON value that cannot be stored, with its
 * path (`sessions.0.label`), or null.
 */
export function findBadText(value: unknown, path = ''): { path: string; reason: { es: string; en: string } } | null {
  if (typeof value === 'string') {
    const reason = badTextReason(value);
    return reason ? { path: path || '(body)', reason } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findBadText(value[i], path ? `${path}.${i}` : String(i));
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      const bad = badTextReason(k);
      if (bad) return { path: at, reason: bad };
      const hit = findBadText(v, at);
      if (hit) return hit;
    }
  }
  return null;
}
