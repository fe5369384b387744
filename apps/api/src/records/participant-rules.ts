import { HttpStatus } from '@nestjs/common';
import { loadGadms } from '@rueda/domain';
import type { ParticipantEntity } from '@rueda/persistence';
import { ApiError } from '../common/errors';

const gadms = new Map(loadGadms().map((g) => [g.inecCode, g]));

/**
 * A GADM is identified by its INEC code; its canton, province and region come from the
 * reference so that reports by province never depend on how a spreadsheet spelled them.
 */
export function normaliseParticipant(p: Partial<ParticipantEntity>): Partial<ParticipantEntity> {
  if (p.kind !== 'gadm') return p;
  const code = p.inecCode ?? p.externalId;
  const ref = code ? gadms.get(code) : undefined;
  if (!ref) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'validation_failed', { es: 'Datos inválidos', en: 'Invalid data' }, {
      issues: [{ path: 'inecCode', message: `código INEC desconocido / unknown INEC code: ${code ?? '(vacío / empty)'}` }],
    });
  }
  return { ...p, inecCode: ref.inecCode, canton: ref.canton, province: ref.province, provinceCode: ref.provinceCode, region: ref.region };
}
