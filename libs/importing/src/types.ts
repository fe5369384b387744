import { z } from 'zod';
import { REGIONS } from '@rueda/domain';

/** The four sheets organisers keep. */
export const IMPORT_KINDS = ['participants', 'delegates', 'demands', 'offers'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const PARTICIPANT_KINDS = ['gadm', 'cooperant'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** The four regions of Ecuador, as libs/domain defines them (re-exported for the importers). */
export { REGIONS };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const amount = z.number().finite().nonnegative();

// The schemas are the single source of the record types and double as a last
// safety net: validateImport runs every record through them, so a bug in the
// cell parsers cannot hand the DB layer a malformed record.
export const participantRecordSchema = z.object({
  externalId: z.string().min(1),
  kind: z.enum(PARTICIPANT_KINDS),
  name: z.string().min(1),
  inecCode: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  canton: z.string().optional(),
  province: z.string().optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  region: z.enum(REGIONS).optional(),
  acronym: z.string().optional(),
  tipo: z.string().optional(),
  origin: z.string().optional(),
  email: z.email().optional(),
  phone: z.string().optional(),
});
export type ParticipantRecord = z.infer<typeof participantRecordSchema>;

export const delegateRecordSchema = z.object({
  externalId: z.string().min(1),
  participant: z.string().min(1),
  fullName: z.string().min(1),
  role: z.string().optional(),
  email: z.email().optional(),
  phone: z.string().optional(),
});
export type DelegateRecord = z.infer<typeof delegateRecordSchema>;

export const demandRecordSchema = z.object({
  externalId: z.string().min(1),
  participant: z.string().min(1),
  title: z.string().min(1),
  description: z.string().min(1),
  sectors: z.array(z.string()),
  competencias: z.array(z.string()),
  ods: z.array(z.number().int().min(1).max(17)),
  modalidades: z.array(z.string()),
  amountUsd: amount.optional(),
  /** ISO yyyy-mm-dd */
  deadline: isoDate.optional(),
});
export type DemandRecord = z.infer<typeof demandRecordSchema>;

export const offerRecordSchema = z.object({
  externalId: z.string().min(1),
  participant: z.string().min(1),
  title: z.string().min(1),
  description: z.string().min(1),
  sectors: z.array(z.string()),
  ods: z.array(z.number().int().min(1).max(17)),
  modalidades: z.array(z.string()),
  /** Empty means "anywhere". */
  regions: z.array(z.enum(REGIONS)),
  /** Province codes ("01"), the same codes as ParticipantRecord.provinceCode. Empty means "anywhere". */
  provinces: z.array(z.string().regex(/^\d{2}$/)),
  minAmountUsd: amount.optional(),
  maxAmountUsd: amount.optional(),
  /** ISO yyyy-mm-dd */
  validUntil: isoDate.optional(),
});
export type OfferRecord = z.infer<typeof offerRecordSchema>;

export interface RecordByKind {
  participants: ParticipantRecord;
  delegates: DelegateRecord;
  demands: DemandRecord;
  offers: OfferRecord;
}

export const RECORD_SCHEMAS = {
  participants: participantRecordSchema,
  delegates: delegateRecordSchema,
  demands: demandRecordSchema,
  offers: offerRecordSchema,
} as const;

export type IssueCode =
  | 'empty_file'
  | 'invalid_xlsx'
  | 'unsupported_xls'
  | 'malformed_csv'
  | 'too_many_rows'
  | 'no_data_rows'
  | 'missing_column'
  | 'duplicate_column'
  | 'unknown_column'
  | 'extra_cells'
  | 'required'
  | 'duplicate_id'
  | 'unknown_kind'
  | 'unknown_code'
  | 'unknown_inec'
  | 'unknown_region'
  | 'unknown_province'
  | 'unknown_participant'
  | 'wrong_participant_kind'
  | 'bad_number'
  | 'negative_amount'
  | 'bad_date'
  | 'amount_range'
  | 'invalid_email'
  | 'invalid_record'
  | 'invalid_text'
  | 'too_long'
  | 'too_large';

export interface ImportIssue {
  /**
   * Spreadsheet row as the organiser sees it: the header is row 1, the first
   * data row is 2. 0 for problems of the whole file or a missing column.
   */
  row: number;
  /** The header as written in the file (or the expected header when missing), null for whole-row/file problems. */
  column: string | null;
  code: IssueCode;
  /** Errors reject the row (or the file); warnings keep it. */
  severity: 'error' | 'warning';
  message: { es: string; en: string };
  /** The offending cell text or code, when there is one. */
  value?: string;
}

export type TableFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';

export interface ParsedTable {
  format: TableFormat;
  /** Detected text encoding (CSV only). */
  encoding: TextEncoding | null;
  /** Detected separator (CSV only). */
  delimiter: ';' | ',' | '\t' | null;
  /** Worksheet read (XLSX only). */
  sheet: string | null;
  /** Header cells as written (trimmed), empty headers dropped. */
  headers: string[];
  /** Spreadsheet row number of the header row (2 after a title row); 0 when there is none. */
  headerRow: number;
  /** One object per non-blank data row, keyed by header as written; values trimmed. */
  rows: Record<string, string>[];
  /** Spreadsheet row number of each entry of rows. */
  rowNumbers: number[];
  /** Problems found while reading the file itself. */
  issues: ImportIssue[];
}

export interface ImportResult<R> {
  /** Valid records only: rows with an error-severity issue are left out. */
  records: R[];
  /** Spreadsheet row of each record (parallel to records). */
  recordRows: number[];
  issues: ImportIssue[];
  /** Non-blank data rows read. */
  rowsRead: number;
}
