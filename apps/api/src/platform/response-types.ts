import { z } from 'zod';

/** Small building blocks of the response schemas (what JSON carries, not what input allows). */
export const id = z.uuid();
/** A timestamp as JSON carries it (ISO 8601, UTC). */
export const timestamp = z.iso.datetime({ offset: true });
/** A calendar day, `aaaa-mm-dd`. */
export const day = z.iso.date();
export const bilingual = z.object({ es: z.string(), en: z.string() }).meta({ id: 'Bilingual' });
export const int = z.number().int();
