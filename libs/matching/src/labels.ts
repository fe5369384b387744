import type { TaxonomyIndex } from '@rueda/domain';
import { properCaseEs } from '@rueda/i18n';

/**
 * What a person reads in a reason: short labels of taxonomy codes, Spanish and English. The
 * taxonomy's own labels are full official wordings ("Cooperación financiera no reembolsable",
 * "Agua potable, alcantarillado, depuración de aguas residuales, desechos sólidos y saneamiento
 * ambiental"); a reason line needs the name an officer would say. Codes without a short label
 * fall back to the taxonomy's label, and unknown codes to the code itself.
 */
type Pair = readonly [es: string, en: string];

const SECTORS: Record<string, Pair> = {
  AGUA: ['Agua potable y saneamiento', 'Water and sanitation'],
  RESIDUOS: ['Residuos sólidos y reciclaje', 'Solid waste and recycling'],
  MOVILIDAD: ['Movilidad y transporte público', 'Mobility and public transport'],
  SEGURIDAD: ['Seguridad ciudadana', 'Citizen security'],
  CLIMA: ['Cambio climático y ambiente', 'Climate change and environment'],
  ENERGIA: ['Energía renovable y eficiencia energética', 'Renewable energy and efficiency'],
  CIUDAD_INTELIGENTE: ['Ciudad inteligente y gobierno digital', 'Smart city and digital government'],
  PLANIFICACION: ['Planificación territorial y catastro', 'Territorial planning and cadastre'],
  PATRIMONIO: ['Patrimonio y cultura', 'Heritage and culture'],
  TURISMO: ['Turismo sostenible', 'Sustainable tourism'],
  DES_ECONOMICO: ['Desarrollo económico local', 'Local economic development'],
  CUIDADOS_GENERO: ['Cuidados e igualdad de género', 'Care and gender equality'],
  INCLUSION: ['Inclusión social', 'Social inclusion'],
  SALUD: ['Salud pública', 'Public health'],
  EDUCACION: ['Educación', 'Education'],
  RIESGOS: ['Gestión de riesgos y bomberos', 'Disaster risk and fire services'],
  INSTITUCIONAL: ['Fortalecimiento institucional', 'Institutional strengthening'],
  RURAL: ['Desarrollo rural y productivo', 'Rural and productive development'],
  INTERNACIONALIZACION: ['Internacionalización y hermanamientos', 'Internationalisation and twinning'],
};

const MODALITIES: Record<string, Pair> = {
  FIN_NR: ['Cooperación no reembolsable', 'Grant'],
  CREDITO: ['Crédito', 'Loan'],
  ASIST_TEC: ['Asistencia técnica', 'Technical assistance'],
  CAPACITACION: ['Capacitación', 'Training'],
  VOLUNTARIADO: ['Voluntariado', 'Volunteering'],
  BECAS: ['Becas', 'Scholarships'],
  PASANTIAS: ['Pasantías', 'Study visits'],
  DONACION: ['Donación en especie', 'In-kind donation'],
  INTERCAMBIO: ['Intercambio de experiencias', 'Exchange of experiences'],
  HERMANAMIENTO: ['Hermanamiento', 'Twinning'],
  INVERSION: ['Inversión y APP', 'Investment and PPP'],
};

const COMPETENCIAS: Record<string, Pair> = {
  C01: ['Planificación cantonal y PDOT', 'Cantonal planning and PDOT'],
  C02: ['Uso y ocupación del suelo', 'Land use control'],
  C03: ['Vialidad urbana', 'Urban roads'],
  C04: ['Agua, alcantarillado y residuos', 'Water, sewerage and waste'],
  C05: ['Tasas, tarifas y contribuciones', 'Fees, tariffs and levies'],
  C06: ['Tránsito y transporte público', 'Traffic and public transport'],
  C07: ['Infraestructura de salud, educación y espacio público', 'Health, education and public-space infrastructure'],
  C08: ['Patrimonio arquitectónico, cultural y natural', 'Architectural, cultural and natural heritage'],
  C09: ['Catastro', 'Cadastre'],
  C10: ['Playas, riberas y lechos de ríos', 'Beaches, riverbanks and river beds'],
  C11: ['Acceso a playas y riberas', 'Access to beaches and riverbanks'],
  C12: ['Áridos y pétreos', 'Aggregates and quarries'],
  C13: ['Bomberos e incendios', 'Fire services'],
  C14: ['Cooperación internacional', 'International cooperation'],
};

export interface Labels {
  sector(code: string): Pair;
  modality(code: string): Pair;
  competencia(code: string): Pair;
  /** "ODS 16 — Paz, justicia e instituciones sólidas" / "SDG 16 — Peace, justice and strong institutions". */
  ods(n: number): Pair;
}

export function taxonomyLabels(tax: TaxonomyIndex): Labels {
  const pick = (table: Record<string, Pair>, entry: { es: string; en: string } | undefined, code: string): Pair =>
    table[code] ?? (entry ? [entry.es, entry.en] : [code, code]);
  return {
    sector: (code) => pick(SECTORS, tax.sectores.get(code), code),
    modality: (code) => pick(MODALITIES, tax.modalidades.get(code), code),
    competencia: (code) => pick(COMPETENCIAS, tax.competencias.get(code), code),
    ods: (n) => {
      const o = tax.ods.get(n);
      return o ? [`ODS ${n} — ${o.es}`, `SDG ${n} — ${o.en}`] : [`ODS ${n}`, `SDG ${n}`];
    },
  };
}

/** "SANTO DOMINGO DE LOS TSÁCHILAS" → "Santo Domingo de los Tsáchilas" (one rule, libs/i18n). */
export const titleCase = (s: string): string => properCaseEs(s);
