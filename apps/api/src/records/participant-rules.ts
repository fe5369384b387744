import { HttpStatus } from '@nestjs/common';
import { ParticipantEntity, UnknownGadmError, withGadmReference } from '@rueda/persistence';
import { ApiError } from '../common/errors';

/** withGadmReference, with an unknown INEC code reported as a 400 on the field. */
export function normaliseParticipant(p: Partial<ParticipantEntity>): Partial<ParticipantEntity> {
  try {
    return withGadmReference(p);
  } catch (e) {
    if (!(e instanceof UnknownGadmError)) throw e;
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      'validation_failed',
      { es: 'Datos inválidos', en: 'Invalid data' },
      {
        issues: [{ path: 'inecCode', message: e.message }],
      },
    );
  }
}
