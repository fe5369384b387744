import { inflateRawSync } from 'node:zlib';

/**
 * What one uploaded workbook may hold. A real organiser's file (221 GADMs, a few thousand
 * demands) is far below each; a zip bomb (0.5 MB that inflates to 8 million shared strings)
 * is far above. Checked before exceljs sees the file, so an oversized workbook costs a
 * scan of its zip directory, not the API's memory.
 */
export const XLSX_LIMITS = {
  /** Sum of the inflated sizes of all parts of the workbook. */
  uncompressedBytes: 50 * 1024 * 1024,
  /** Parts (files) inside the zip. */
  entries: 2000,
  /** Distinct strings in xl/sharedStrings.xml. */
  sharedStrings: 500_000,
  /** Cells of all worksheets together. */
  cells: 1_000_000,
};

export type XlsxLimits = typeof XLSX_LIMITS;

export interface XlsxLimitBreach {
  limit: keyof XlsxLimits;
  max: number;
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/**
 * The zip's central directory (its table of contents, at the end of the file). The format is
 * read here, by hand, only to count and size the parts; exceljs does the real reading.
 * Returns null when the bytes are not a readable zip (exceljs then reports the file as invalid).
 */
function centralDirectory(buf: Buffer): Entry[] | null {
  const EOCD = 0x06054b50;
  const CEN = 0x02014b50;
  // The end record sits in the last 22 bytes, plus a comment of at most 64 KiB.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CEN) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      declaredSize: buf.readUInt32LE(at + 24),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      localOffset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

/** One part inflated, never beyond `max` bytes whatever its header claims (a lying header throws). */
function inflate(buf: Buffer, e: Entry, max: number): Buffer | null {
  const at = e.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data.length > max ? null : data;
  if (e.method !== 8) return null;
  return inflateRawSync(data, { maxOutputLength: Math.max(1, max) });
}

const count = (xml: Buffer, tag: string) => {
  let n = 0;
  for (const open of [`<${tag}>`, `<${tag} `]) {
    for (let i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i + open.length)) n++;
  }
  return n;
};

/**
 * The first limit the workbook breaks, or null. First from the directory's declared sizes
 * (instant), then by inflating the parts that hold strings and cells with a hard output cap,
 * so a directory that lies about sizes is caught as well.
 */
export function xlsxLimitBreach(buf: Buffer, limits: XlsxLimits = XLSX_LIMITS, opts: { inflate?: boolean } = {}): XlsxLimitBreach | null {
  const entries = centralDirectory(buf);
  if (!entries) return null;
  if (entries.length > limits.entries) return { limit: 'entries', max: limits.entries };
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  if (declared > limits.uncompressedBytes) return { limit: 'uncompressedBytes', max: limits.uncompressedBytes };
  if (opts.inflate === false) return null;
  let budget = limits.uncompressedBytes;
  let cells = 0;
  for (const e of entries) {
    const isStrings = e.name === 'xl/sharedStrings.xml';
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(e.name);
    if (!isStrings && !isSheet) continue;
    let xml: Buffer | null;
    try {
      xml = inflate(buf, e, budget);
    } catch (err) {
      // By code, not class: the error may come from another realm (a worker thread, a test sandbox).
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { limit: 'uncompressedBytes', max: limits.uncompressedBytes };
      return null; // corrupt data: exceljs will say the file is invalid
    }
    if (!xml) return null;
    budget -= xml.length;
    if (isStrings && count(xml, 'si') > limits.sharedStrings) return { limit: 'sharedStrings', max: limits.sharedStrings };
    if (isSheet && (cells += count(xml, 'c')) > limits.cells) return { limit: 'cells', max: limits.cells };
  }
  return null;
}
