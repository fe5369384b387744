import PDFDocument from 'pdfkit';
import { formatDateTime, formatNumber, formatPercent, formatUsd, timeZoneLabel } from '@rueda/i18n';

export type Doc = PDFKit.PDFDocument;

export interface PdfFontOptions {
  /**
   * TrueType/OpenType fonts (path or bytes) for scripts beyond Western European. Without
   * them the PDF uses the standard Helvetica fonts, which cover Spanish (WinAnsi) and
   * embed nothing, keeping big agenda books small and fast.
   */
  regular?: string | Buffer;
  bold?: string | Buffer;
}

export const FONT = 'R';
export const BOLD = 'B';

/** A4 in points, with the margins every Rueda PDF uses. */
export const PAGE = { width: 595.28, height: 841.89, margin: 40, footer: 28 } as const;

export const COLORS = {
  text: '#1a1a1a',
  muted: '#666666',
  rule: '#bbbbbb',
  headerFill: '#e8eef5',
  zebra: '#f6f6f6',
  accent: '#1f5f99',
  bars: '#2f7fbf',
  bars2: '#9bbf3f',
};

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
// Letters NFD does not decompose, and symbols our own labels use.
const REPLACEMENTS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u2212': '-',
};

/**
 * Text the standard PDF fonts can draw: they only have WinAnsi glyphs, and pdfkit prints
 * anything else as garbage. Accents fall back to the bare letter ("ō" → "o") before "?".
 */
export function winAnsi(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch) || ch === '\n') out += ch;
    else if (REPLACEMENTS[ch]) out += REPLACEMENTS[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base && base !== ch && [...base].every((c) => c.charCodeAt(0) < 0x7f) ? base : '?';
    }
  }
  return out;
}

export interface PdfContext {
  doc: Doc;
  /** Makes a string drawable with the fonts in use. */
  t: (s: string) => string;
}

/** A document with Rueda's fonts registered as FONT/BOLD; resolves with the bytes once ended. */
export function createPdf(opts: { title: string; fonts?: PdfFontOptions; bufferPages?: boolean }): {
  ctx: PdfContext;
  done: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, bottom: PAGE.margin + PAGE.footer, left: PAGE.margin, right: PAGE.margin },
    bufferPages: opts.bufferPages ?? true,
    autoFirstPage: false,
    info: { Title: opts.title, Creator: 'Rueda', Producer: 'Rueda (pdfkit)' },
    lang: 'es-EC',
  } as PDFKit.PDFDocumentOptions);
  const custom = !!opts.fonts?.regular;
  doc.registerFont(FONT, opts.fonts?.regular ?? 'Helvetica');
  doc.registerFont(BOLD, opts.fonts?.bold ?? opts.fonts?.regular ?? 'Helvetica-Bold');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { ctx: { doc, t: custom ? (s) => s : winAnsi }, done };
}

export const contentWidth = PAGE.width - 2 * PAGE.margin;
/** Lowest y content may reach before the footer band. */
export const contentBottom = PAGE.height - PAGE.margin - PAGE.footer;

/** Footer on each of the given buffered pages: a left label and "Página i de n / Page i of n". */
export function drawFooters(ctx: PdfContext, firstPage: number, lastPage: number, left: string): void {
  const { doc, t } = ctx;
  const n = lastPage - firstPage + 1;
  for (let i = firstPage; i <= lastPage; i++) {
    doc.switchToPage(i);
    // The footer sits below the bottom margin; with the margin in place pdfkit would open a new page.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - PAGE.margin - 10;
    doc.save();
    doc
      .moveTo(PAGE.margin, y - 6)
      .lineTo(PAGE.width - PAGE.margin, y - 6)
      .lineWidth(0.5)
      .strokeColor(COLORS.rule)
      .stroke();
    doc.restore();
    doc.font(FONT).fontSize(7.5).fillColor(COLORS.muted);
    doc.text(fit(doc, t(left), contentWidth * 0.7 - 8), PAGE.margin, y, { lineBreak: false });
    doc.text(t(`Página ${i - firstPage + 1} de ${n} / Page ${i - firstPage + 1} of ${n}`), PAGE.margin + contentWidth * 0.7, y, {
      width: contentWidth * 0.3,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = saved;
  }
  doc.fillColor(COLORS.text);
}

/** Width of the widest word of `s` in the current font: the narrowest a column may be. */
export function longestWord(doc: Doc, s: string): number {
  return Math.max(0, ...s.split(/\s+/).map((w) => doc.widthOfString(w)));
}

/** Cut a one-line text to `width` with an ellipsis (pdfkit's ellipsis option wraps first). */
export function fit(doc: Doc, s: string, width: number): string {
  if (doc.widthOfString(s) <= width) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.widthOfString(`${s.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${s.slice(0, lo).trimEnd()}…`;
}

export interface TableColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A cell: main text, optionally a smaller grey line under it. */
export type TableCell = string | { text: string; sub?: string; bold?: boolean };

export interface TableOptions {
  fontSize?: number;
  /** Called after a page break, before the header is repeated (draw the page's own header here). */
  onNewPage?: () => void;
  zebra?: boolean;
}

export const PAD = 3;

/**
 * A table that measures each row, breaks pages between rows and repeats its header.
 * pdfkit's own table() does not repeat headers on new pages, which a long agenda needs.
 */
export function drawTable(ctx: PdfContext, columns: TableColumn[], rows: TableCell[][], opts: TableOptions = {}): void {
  const { doc, t } = ctx;
  const size = opts.fontSize ?? 8.5;
  const subSize = size - 1.5;
  const x0 = PAGE.margin;

  // A header wraps between words, never inside one ("Compromiso / s vigentes"): a header whose
  // longest word is wider than its column is set smaller until the word fits.
  const headSizes = columns.map((c) => {
    let s = size;
    doc.font(BOLD);
    while (s > 5 && longestWord(doc.fontSize(s), t(c.header)) > c.width - 2 * PAD) s -= 0.25;
    return s;
  });
  const header = () => {
    const h =
      Math.max(
        ...columns.map((c, i) =>
          doc
            .font(BOLD)
            .fontSize(headSizes[i])
            .heightOfString(t(c.header), { width: c.width - 2 * PAD }),
        ),
      ) +
      2 * PAD;
    const y = doc.y;
    doc
      .save()
      .rect(
        x0,
        y,
        columns.reduce((a, c) => a + c.width, 0),
        h,
      )
      .fill(COLORS.headerFill)
      .restore();
    doc.fillColor(COLORS.text);
    let x = x0;
    columns.forEach((c, i) => {
      doc.font(BOLD).fontSize(headSizes[i]);
      doc.text(t(c.header), x + PAD, y + PAD, { width: c.width - 2 * PAD, align: c.align ?? 'left' });
      x += c.width;
    });
    doc.y = y + h;
  };

  const ensure = (h: number) => {
    if (doc.y + h <= contentBottom) return;
    doc.addPage();
    opts.onNewPage?.();
    header();
  };

  if (doc.y + 40 > contentBottom) {
    doc.addPage();
    opts.onNewPage?.();
  }
  header();
  rows.forEach((row, r) => {
    const parts = row.map((cell) => (typeof cell === 'string' ? { text: cell } : cell));
    let h = 0;
    parts.forEach((p, i) => {
      const w = columns[i].width - 2 * PAD;
      doc.font(p.bold ? BOLD : FONT).fontSize(size);
      let ch = doc.heightOfString(t(p.text || ' '), { width: w });
      if (p.sub) ch += doc.font(FONT).fontSize(subSize).heightOfString(t(p.sub), { width: w });
      if (ch > h) h = ch;
    });
    h += 2 * PAD;
    ensure(h);
    const y = doc.y;
    const totalWidth = columns.reduce((a, c) => a + c.width, 0);
    if (opts.zebra !== false && r % 2 === 1) doc.save().rect(x0, y, totalWidth, h).fill(COLORS.zebra).restore();
    let x = x0;
    parts.forEach((p, i) => {
      const c = columns[i];
      const w = c.width - 2 * PAD;
      doc
        .font(p.bold ? BOLD : FONT)
        .fontSize(size)
        .fillColor(COLORS.text);
      doc.text(t(p.text), x + PAD, y + PAD, { width: w, align: c.align ?? 'left' });
      if (p.sub)
        doc
          .font(FONT)
          .fontSize(subSize)
          .fillColor(COLORS.muted)
          .text(t(p.sub), x + PAD, doc.y, { width: w, align: c.align ?? 'left' });
      x += c.width;
    });
    doc
      .save()
      .moveTo(x0, y + h)
      .lineTo(x0 + totalWidth, y + h)
      .lineWidth(0.3)
      .strokeColor(COLORS.rule)
      .stroke()
      .restore();
    doc.fillColor(COLORS.text);
    doc.x = x0;
    doc.y = y + h;
  });
}

/** Numbers as a Spanish reader writes them (libs/i18n, es-EC): 1.234,5 · USD 250.000 · 12,5 % */
export function formatNumberEs(v: number, type?: string): string {
  if (!Number.isFinite(v)) return '';
  if (type === 'usd') return formatUsd(v, 'es');
  if (type === 'percent') return formatPercent(v, 'es');
  return formatNumber(v, 'es', 3);
}

/**
 * "Generado / Generated 25/11/2026 09:20, hora de Ecuador (GMT−5)": when a document was made,
 * in the event's own zone like every other time it prints (never UTC).
 */
export function generatedLine(at: Date | string, timeZone: string): string {
  return `Generado / Generated ${formatDateTime(at, timeZone)}, ${timeZoneLabel(timeZone, 'es', at)}`;
}

/** Yields to the event loop so a long render does not starve a queue worker's lock renewal. */
export const breathe = (): Promise<void> => new Promise((r) => setImmediate(r));
