import type { ImportIssue, IssueCode } from './types';

type Params = { value?: string; column?: string; detail?: string; line?: number; max?: number; rows?: string };
type Template = (p: Params) => { es: string; en: string };

const q = (s: string | undefined) => `«${s ?? ''}»`;

// Organisers read these in the admin UI next to the row number, so each one
// names the cell content and says what to do, in both languages.
const TEMPLATES: Record<IssueCode, Template> = {
  empty_file: () => ({ es: 'El archivo está vacío.', en: 'The file is empty.' }),
  invalid_xlsx: (p) => ({
    es: `El archivo no es un Excel .xlsx válido (${p.detail ?? 'no se pudo leer'}). Guárdelo de nuevo como .xlsx o como CSV.`,
    en: `The file is not a valid Excel .xlsx workbook (${p.detail ?? 'could not be read'}). Save it again as .xlsx or CSV.`,
  }),
  unsupported_xls: () => ({
    es: 'El formato .xls (Excel 97-2003) no es compatible. Guarde el archivo como .xlsx o CSV.',
    en: 'The .xls format (Excel 97-2003) is not supported. Save the file as .xlsx or CSV.',
  }),
  malformed_csv: (p) => ({
    es: `CSV mal formado a partir de la línea ${p.line}: ${p.detail}. Revise las comillas de esa fila.`,
    en: `Malformed CSV from line ${p.line}: ${p.detail}. Check the quotes on that row.`,
  }),
  too_many_rows: (p) => ({
    es: `El archivo tiene más de ${p.max} filas; divídalo en varios archivos.`,
    en: `The file has more than ${p.max} rows; split it into several files.`,
  }),
  no_data_rows: () => ({
    es: 'El archivo solo tiene encabezados, no hay filas de datos.',
    en: 'The file only has headers, there are no data rows.',
  }),
  missing_column: (p) => ({
    es: `Falta la columna obligatoria ${q(p.column)}.`,
    en: `The required column ${q(p.column)} is missing.`,
  }),
  duplicate_column: (p) => ({
    es: `La columna ${q(p.column)} aparece más de una vez (o con dos nombres equivalentes); se usa la primera.`,
    en: `The column ${q(p.column)} appears more than once (or under two equivalent names); the first one is used.`,
  }),
  unknown_column: (p) => ({
    es: `Columna no reconocida ${q(p.column)}: se ignora.`,
    en: `Unrecognised column ${q(p.column)}: ignored.`,
  }),
  extra_cells: () => ({
    es: 'La fila tiene datos en columnas sin encabezado; se ignoran.',
    en: 'The row has data in columns without a header; they are ignored.',
  }),
  required: (p) => ({
    es: `La celda ${q(p.column)} es obligatoria y está vacía.`,
    en: `The cell ${q(p.column)} is required and empty.`,
  }),
  duplicate_id: (p) => ({
    es: `El id ${q(p.value)} está repetido en el archivo (filas ${p.rows}).`,
    en: `The id ${q(p.value)} is repeated in the file (rows ${p.rows}).`,
  }),
  unknown_kind: (p) => ({
    es: `Tipo de participante desconocido ${q(p.value)}: use «gadm» o «cooperante».`,
    en: `Unknown participant kind ${q(p.value)}: use "gadm" or "cooperant".`,
  }),
  unknown_code: (p) => ({
    es: `Código desconocido ${q(p.value)} en ${q(p.column)} (${p.detail}).`,
    en: `Unknown code ${q(p.value)} in ${q(p.column)} (${p.detail}).`,
  }),
  unknown_inec: (p) => ({
    es: `${q(p.value)} no es el código INEC de ninguno de los 221 GADM cantonales (ej. «0104» para Nabón).`,
    en: `${q(p.value)} is not the INEC code of any of the 221 cantonal GADMs (e.g. "0104" for Nabón).`,
  }),
  unknown_region: (p) => ({
    es: `Región desconocida ${q(p.value)}: use Costa, Sierra, Amazonía o Insular.`,
    en: `Unknown region ${q(p.value)}: use Costa, Sierra, Amazonía or Insular.`,
  }),
  unknown_province: (p) => ({
    es: `Provincia desconocida ${q(p.value)}: use el nombre o el código de provincia (01-24).`,
    en: `Unknown province ${q(p.value)}: use the province name or code (01-24).`,
  }),
  unknown_participant: (p) => ({
    es: `El participante ${q(p.value)} no está registrado; impórtelo primero en la hoja de participantes.`,
    en: `The participant ${q(p.value)} is not registered; import it first in the participants sheet.`,
  }),
  wrong_participant_kind: (p) => ({
    es: `El participante ${q(p.value)} no puede tener este registro: ${p.detail}.`,
    en: `The participant ${q(p.value)} cannot own this record: ${p.detail}.`,
  }),
  bad_number: (p) => ({
    es: `${q(p.value)} no es un número válido en ${q(p.column)} (ej. 250000 o 250.000,50).`,
    en: `${q(p.value)} is not a valid number in ${q(p.column)} (e.g. 250000 or 250.000,50).`,
  }),
  negative_amount: (p) => ({
    es: `El monto ${q(p.value)} en ${q(p.column)} no puede ser negativo.`,
    en: `The amount ${q(p.value)} in ${q(p.column)} cannot be negative.`,
  }),
  bad_date: (p) => ({
    es: `${q(p.value)} no es una fecha válida en ${q(p.column)} (use dd/mm/aaaa, ej. 25/11/2026).`,
    en: `${q(p.value)} is not a valid date in ${q(p.column)} (use dd/mm/yyyy, e.g. 25/11/2026).`,
  }),
  amount_range: (p) => ({
    es: `El monto mínimo es mayor que el máximo (${p.detail}).`,
    en: `The minimum amount is greater than the maximum (${p.detail}).`,
  }),
  invalid_email: (p) => ({
    es: `${q(p.value)} no es un correo electrónico válido.`,
    en: `${q(p.value)} is not a valid e-mail address.`,
  }),
  invalid_record: (p) => ({
    es: `La fila no pudo convertirse en un registro válido (${p.detail}).`,
    en: `The row could not be turned into a valid record (${p.detail}).`,
  }),
  invalid_text: (p) => ({
    es: `La celda ${p.detail}; bórrelo o escriba el texto de nuevo.`,
    en: `The cell ${p.detail}; delete it or type the text again.`,
  }),
  too_large: (p) => ({
    es: `El libro de Excel supera un límite (${p.detail}); no se leyó. Divídalo o guárdelo como CSV.`,
    en: `The Excel workbook is over a limit (${p.detail}); it was not read. Split it or save it as CSV.`,
  }),
  too_long: (p) => ({
    es: `El texto tiene más de ${p.max} caracteres, el máximo de este campo; acórtelo.`,
    en: `The text is longer than ${p.max} characters, the most this field holds; shorten it.`,
  }),
};

const WARNINGS: ReadonlySet<IssueCode> = new Set(['unknown_column', 'extra_cells', 'no_data_rows', 'duplicate_column']);

type Detail = string | { es: string; en: string };

export function makeIssue(
  code: IssueCode,
  row: number,
  column: string | null,
  params: Omit<Params, 'detail'> & { detail?: Detail } = {},
): ImportIssue {
  const { detail, ...rest } = params;
  const base = { column: column ?? undefined, ...rest };
  const es = TEMPLATES[code]({ ...base, detail: typeof detail === 'string' ? detail : detail?.es }).es;
  const en = TEMPLATES[code]({ ...base, detail: typeof detail === 'string' ? detail : detail?.en }).en;
  const issue: ImportIssue = { row, column, code, severity: WARNINGS.has(code) ? 'warning' : 'error', message: { es, en } };
  if (params.value !== undefined) issue.value = params.value;
  return issue;
}
