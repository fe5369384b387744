import { normalizeKey } from './normalize';
import type { ImportKind } from './types';

export interface ColumnSpec {
  /** Field name used inside the importer. */
  field: string;
  /** Header written by exportTable and named in docs/import.md. */
  header: string;
  /** Accepted header spellings; compared after normalizeKey, so accents, case and punctuation do not matter. */
  aliases: string[];
  required?: boolean;
  /** Only read, never exported (derived or merged into another field). */
  importOnly?: boolean;
}

const col = (field: string, header: string, aliases: string[], extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  field,
  header,
  aliases: [header, ...aliases],
  ...extra,
});

const EMAIL = ['correo', 'correo electrónico', 'e-mail', 'mail', 'email address'];
const PHONE = ['teléfono', 'phone', 'celular', 'móvil', 'telf', 'tel', 'phone number', 'número de teléfono'];
const PARTICIPANT_REF = [
  'participant',
  'id participante',
  'participante id',
  'código participante',
  'participant id',
  'gadm',
  'cooperante',
  'cooperant',
  'entidad',
];

export const COLUMNS: Record<ImportKind, ColumnSpec[]> = {
  participants: [
    col('id', 'id', ['código', 'codigo inec', 'código inec', 'inec', 'acrónimo', 'acronym', 'sigla', 'siglas', 'code', 'id participante'], {
      required: true,
    }),
    col('kind', 'tipo_participante', [
      'tipo participante',
      'tipo de participante',
      'kind',
      'participant kind',
      'participant type',
      'clase',
    ]),
    col('name', 'nombre', ['name', 'nombre entidad', 'entidad', 'razón social', 'institución', 'nombre del participante'], {
      required: true,
    }),
    col('canton', 'canton', ['cantón']),
    col('province', 'provincia', ['province']),
    col('provinceCode', 'codigo_provincia', ['código provincia', 'province code'], { importOnly: true }),
    col('region', 'region', ['región']),
    col('tipo', 'tipo', ['tipo cooperación', 'tipo de cooperación', 'tipo cooperante', 'cooperation type', 'type']),
    col('origin', 'origen', ['origin', 'país', 'país de origen', 'country', 'procedencia']),
    col('email', 'email', EMAIL),
    col('phone', 'telefono', PHONE),
  ],
  delegates: [
    col('id', 'id', ['código', 'id delegado', 'delegate id', 'code', 'cédula', 'identificación'], { required: true }),
    col('participant', 'participante', PARTICIPANT_REF, { required: true }),
    col('fullName', 'nombres', ['nombre', 'nombre completo', 'nombres y apellidos', 'full name', 'name', 'first name', 'delegado'], {
      required: true,
    }),
    col('lastName', 'apellidos', ['apellido', 'last name', 'surname'], { importOnly: true }),
    col('role', 'cargo', ['role', 'puesto', 'position', 'título del cargo', 'job title']),
    col('email', 'email', EMAIL),
    col('phone', 'telefono', PHONE),
  ],
  demands: [
    col('id', 'id', ['código', 'id demanda', 'demand id', 'code'], { required: true }),
    col('participant', 'participante', PARTICIPANT_REF, { required: true }),
    col('title', 'titulo', ['título', 'title', 'nombre del proyecto', 'proyecto', 'demanda'], { required: true }),
    col('description', 'descripcion', ['descripción', 'description', 'detalle', 'descripción de la demanda'], { required: true }),
    col('sectors', 'sectores', ['sector', 'sectors', 'ejes', 'eje temático']),
    col('competencias', 'competencias', ['competencia', 'competences', 'competencias cootad']),
    col('ods', 'ods', ['sdg', 'sdgs', 'objetivos de desarrollo sostenible']),
    col('modalidades', 'modalidades', ['modalidad', 'modalities', 'modality', 'tipo de apoyo', 'apoyo requerido']),
    col('amountUsd', 'monto_usd', [
      'monto',
      'monto (usd)',
      'monto usd',
      'amount',
      'amount usd',
      'presupuesto',
      'monto estimado',
      'valor',
      'budget',
    ]),
    col('deadline', 'fecha_limite', ['fecha límite', 'fecha', 'deadline', 'plazo']),
  ],
  offers: [
    col('id', 'id', ['código', 'id oferta', 'offer id', 'code'], { required: true }),
    col('participant', 'participante', PARTICIPANT_REF, { required: true }),
    col('title', 'titulo', ['título', 'title', 'oferta', 'nombre de la oferta', 'programa'], { required: true }),
    col('description', 'descripcion', ['descripción', 'description', 'detalle'], { required: true }),
    col('sectors', 'sectores', ['sector', 'sectors', 'ejes', 'eje temático']),
    col('ods', 'ods', ['sdg', 'sdgs', 'objetivos de desarrollo sostenible']),
    col('modalidades', 'modalidades', ['modalidad', 'modalities', 'modality', 'tipo de apoyo']),
    col('regions', 'regiones', ['región', 'region', 'regions', 'cobertura regional']),
    col('provinces', 'provincias', ['provincia', 'province', 'provinces', 'cobertura provincial']),
    col('minAmountUsd', 'monto_min_usd', [
      'monto mínimo',
      'monto min',
      'monto mínimo usd',
      'min amount',
      'min amount usd',
      'minimum amount',
    ]),
    col('maxAmountUsd', 'monto_max_usd', [
      'monto máximo',
      'monto max',
      'monto máximo usd',
      'max amount',
      'max amount usd',
      'maximum amount',
    ]),
    col('validUntil', 'vigencia_hasta', ['vigencia', 'vigente hasta', 'valid until', 'fecha de vigencia', 'hasta']),
  ],
};

/**
 * Maps each header of the file to a field. Tries the header whole, then
 * without a parenthesised hint ("Monto (USD)", "Fecha límite (dd/mm/aaaa)").
 */
export function resolveHeader(kind: ImportKind, header: string): ColumnSpec | undefined {
  const specs = COLUMNS[kind];
  for (const candidate of [header, header.replace(/\([^)]*\)/g, ' ')]) {
    const key = normalizeKey(candidate);
    if (!key) continue;
    const spec = specs.find((s) => s.aliases.some((a) => normalizeKey(a) === key));
    if (spec) return spec;
  }
  return undefined;
}
