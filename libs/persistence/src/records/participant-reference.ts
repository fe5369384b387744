import { findGadm } from '@rueda/domain';
import type { ParticipantEntity } from '../entities';

export class UnknownGadmError extends Error {
  constructor(readonly code: string | null | undefined) {
    super(`código INEC desconocido / unknown INEC code: ${code ?? '(vacío / empty)'}`);
  }
}

/**
 * A GADM is identified by its INEC code; canton, province and region come from the
 * reference so that reports by province never depend on how a spreadsheet spelled them.
 */
export function withGadmReference<T extends Partial<ParticipantEntity>>(p: T): T {
  if (p.kind !== 'gadm') return p;
  const ref = findGadm(p.inecCode ?? p.externalId);
  if (!ref) throw new UnknownGadmError(p.inecCode ?? p.externalId);
  return { ...p, inecCode: ref.inecCode, canton: ref.canton, province: ref.province, provinceCode: ref.provinceCode, region: ref.region };
}
