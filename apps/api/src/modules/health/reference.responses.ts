import { z } from 'zod';
import { regionName } from '@rueda/domain';

const label = { es: z.string(), en: z.string() };

export const TaxonomyOut = z
  .object({
    competencias: z.array(z.object({ code: z.string(), ...label })),
    ods: z.array(z.object({ code: z.number().int(), ...label })),
    modalidades: z.array(z.object({ code: z.string(), ...label })),
    tipos_cooperacion: z.array(z.object({ code: z.string(), ...label })),
    sectores: z.array(z.object({ code: z.string(), ...label, competencias: z.array(z.string()), ods: z.array(z.number().int()) })),
  })
  .meta({ id: 'Taxonomy' });

export const GadmRefOut = z
  .object({
    inecCode: z.string(),
    canton: z.string(),
    provinceCode: z.string(),
    province: z.string(),
    region: regionName,
  })
  .meta({ id: 'GadmRef' });

export const CooperantRefOut = z
  .object({
    acronym: z.string(),
    name: z.string(),
    tipo: z.string(),
    origin: z.string(),
    sectores: z.array(z.string()),
    modalidades: z.array(z.string()),
  })
  .meta({ id: 'CooperantRef' });
