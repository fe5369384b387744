/**
 * Cell-level parsing of what organisers type in Excel with a Spanish locale.
 * Every parser returns undefined for "cannot read" so the caller decides the issue.
 */

import { z } from 'zod';

const DIACRITICS = /[\u0300-\u036f]/g;

/** Accent-, case- and punctuation-insensitive key: "Fecha límite" → "fecha_limite". */
export function normalizeKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(DIACRITICS, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Same as normalizeKey, upper-cased, for matching taxonomy codes and labels. */
export function normalizeToken(s: string): string {
  return normalizeKey(s).toUpperCase();
}

/**
 * Cleans one cell: NFC (macOS pastes decomposed accents), non-breaking and
 * zero-width spaces that Excel and web forms leave behind, outer whitespace, and
 * the apostrophe exportTable puts before a text that would otherwise start a
 * spreadsheet formula.
 */
export function cleanCell(s: string): string {
  let t = s
    .normalize('NFC')
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .trim();
  if (/^'[=+\-@]/.test(t)) t = t.slice(1);
  return t;
}

/**
 * Stable identity for upserts: ids are compared case-insensitively and without
 * stray spaces, so "jica " and "JICA" are the same participant on re-import.
 */
export function normalizeExternalId(s: string): string {
  return cleanCell(s).replace(/\s+/g, ' ').toUpperCase();
}

/**
 * Excel drops leading zeros of a code typed as a number ("0104" → 104), so a
 * short all-digit id is padded back to its fixed width.
 */
export function padDigits(id: string, width: number): string {
  return /^\d+$/.test(id) && id.length < width ? id.padStart(width, '0') : id;
}

const CURRENCY = /US\$|U\$S|USD|\$|d[oó]lares?/gi;

/**
 * Reads "250.000,50", "250000", "$ 1.200", "1,200,000", "250000.5".
 * Spanish locale first: a lone comma is decimal; a lone dot followed by exactly
 * three digits is a thousands separator ("250.000" = 250000), otherwise decimal.
 */
export function parseNumber(raw: string): number | undefined {
  let t = cleanCell(raw).replace(CURRENCY, '').replace(/[\s']/g, '');
  if (t === '') return undefined;
  let sign = 1;
  if (t.startsWith('-')) {
    sign = -1;
    t = t.slice(1);
  } else if (t.startsWith('+')) t = t.slice(1);
  let normalized: string | undefined;
  const hasDot = t.includes('.');
  const hasComma = t.includes(',');
  if (/^\d+$/.test(t)) normalized = t;
  else if (hasDot && hasComma) {
    const decimal = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
    const thousands = decimal === ',' ? '\\.' : ',';
    const re = new RegExp(`^\\d{1,3}(${thousands}\\d{3})*\\${decimal}\\d+$`);
    if (re.test(t)) normalized = t.replace(new RegExp(thousands, 'g'), '').replace(decimal, '.');
  } else if (hasComma) {
    if (/^\d{1,3}(,\d{3}){2,}$/.test(t)) normalized = t.replace(/,/g, '');
    else if (/^\d*,\d+$/.test(t)) normalized = t.replace(',', '.');
  } else if (hasDot) {
    if (/^\d{1,3}(\.\d{3}){2,}$/.test(t) || /^[1-9]\d{0,2}\.\d{3}$/.test(t)) normalized = t.replace(/\./g, '');
    else if (/^\d*\.\d+$/.test(t)) normalized = t;
  }
  if (normalized === undefined) return undefined;
  const n = sign * Number(normalized);
  return Number.isFinite(n) ? n : undefined;
}

/** Formats a number the way parseNumber reads it back unambiguously (Spanish decimal comma, no grouping). */
export function formatNumber(n: number): string {
  return String(n).replace('.', ',');
}

function isoIfValid(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return dt.toISOString().slice(0, 10);
}

/** Excel's 1900 date system, counting from 1899-12-30 to absorb its fictitious 29/02/1900. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Date of a JS Date produced by exceljs for a date cell (stored as UTC midnight, give or take float error). */
export function isoFromDate(d: Date): string {
  return new Date(d.getTime() + 1000).toISOString().slice(0, 10);
}

/**
 * Reads dd/mm/yyyy (also d-m-yy, dd.mm.yyyy), ISO yyyy-mm-dd (with or without
 * time) and bare Excel serial numbers (a date column without date format).
 * Returns yyyy-mm-dd.
 */
export function parseDate(raw: string): string | undefined {
  const t = cleanCell(raw);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (m) return isoIfValid(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(t);
  if (m) {
    const y = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    return isoIfValid(y, +m[2], +m[1]);
  }
  m = /^(\d{5})(?:[.,]\d+)?$/.exec(t);
  if (m) {
    const serial = +m[1];
    // 1954..2146: anything outside is a typo rather than a date.
    if (serial < 20000 || serial > 90000) return undefined;
    return new Date(EXCEL_EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return undefined;
}

/** dd/mm/yyyy, what a Spanish-locale Excel shows and re-reads as a date. */
export function formatDateEs(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const emailSchema = z.email();

/**
 * An email address as Rueda keeps it (lower case, without a `mailto:` prefix), or undefined
 * when it is not one. The import, the organiser API and the invitations all use this rule.
 */
export function parseEmail(raw: string): string | undefined {
  const v = raw
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return v !== '' && emailSchema.safeParse(v).success ? v : undefined;
}

/** List cells: "AGUA, RESIDUOS", "AGUA | RESIDUOS", "AGUA; RESIDUOS", one per line. */
export function splitList(raw: string): string[] {
  return cleanCell(raw)
    .split(/[,;|\n\r]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}
