import { DomainError } from './rules/errors';
import { findGadm } from './gadm-lookup';

/** A GADM whose INEC code is not one of the 221: an invalid input naming `inecCode`. */
export class UnknownGadmError extends DomainError {
  constructor(code: string | null | undefined) {
    const es = `código INEC desconocido: ${code ?? '(vacío)'}`;
    const en = `unknown INEC code: ${code ?? '(empty)'}`;
    super(
      'invalid',
      'unknown_inec',
      { es: `Datos inválidos en «inecCode»: ${es}`, en: `Invalid data in "inecCode": ${en}` },
      { fields: [{ path: 'inecCode', es, en }] },
    );
  }
}

/** The participant fields the GADM reference decides. */
interface ReferencedParticipant {
  kind?: string;
  externalId?: string;
  inecCode?: string | null;
  canton?: string | null;
  province?: string | null;
  provinceCode?: string | null;
  region?: string | null;
}

/**
 * A GADM is identified by its INEC code; canton, province and region come from the
 * reference so that reports by province never depend on how a spreadsheet spelled them.
 */
export function withGadmReference<T extends ReferencedParticipant>(p: T): T {
  if (p.kind !== 'gadm') return p;
  const ref = findGadm(p.inecCode ?? p.externalId);
  if (!ref) throw new UnknownGadmError(p.inecCode ?? p.externalId);
  return { ...p, inecCode: ref.inecCode, canton: ref.canton, province: ref.province, provinceCode: ref.provinceCode, region: ref.region };
}
