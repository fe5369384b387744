import { loadCooperants, loadGadms, loadTaxonomy, mulberry32 } from '@rueda/domain';
import type { MatchDemand, MatchInput, MatchOffer, MatchParticipant, MatchRegion } from '@rueda/formats';
import { SECTOR_LEXICON } from '../lexicon';

/** Same seed → same event (the PRNG is shared with the demo generator). */
export const seededRandom = mulberry32;

export interface SyntheticOptions {
  demands: number;
  offers: number;
  seed?: number;
  /** Share of items with no tag at all (text only). Default 0.15. */
  textOnlyShare?: number;
  /** Share of offers written in English. Default 0.05. */
  englishShare?: number;
}

const ACTIONS = [
  'Fortalecimiento de',
  'Estudios y diseños definitivos para',
  'Construcción de',
  'Mejoramiento de',
  'Implementación de',
  'Asistencia técnica para',
  'Ampliación de',
  'Programa de',
  'Diagnóstico y plan de',
  'Modernización de',
];
const OFFER_ACTIONS = [
  'Apoyo a gobiernos locales en',
  'Cooperación técnica en',
  'Financiamiento para',
  'Programa regional de',
  'Asistencia técnica y capacitación en',
  'Fondo concursable para',
  'Intercambio de experiencias en',
];
const FILLER = [
  'El GAD municipal requiere apoyo para atender a la población de las parroquias urbanas y rurales del cantón.',
  'La propuesta se alinea con el plan de desarrollo y las metas de la administración.',
  'Se cuenta con contraparte municipal y equipo técnico designado.',
  'Actualmente el servicio presenta deficiencias de cobertura y calidad.',
  'Se prevé la participación de la comunidad y de las juntas parroquiales.',
  'El proyecto beneficiará directamente a familias de escasos recursos.',
  'Se necesita financiamiento complementario y acompañamiento técnico especializado.',
  'La municipalidad dispone de terreno y estudios preliminares.',
  'Se busca replicar experiencias exitosas de otras ciudades de la región.',
  'Existe una mesa técnica interinstitucional conformada para el seguimiento.',
];
const OFFER_FILLER = [
  'La cooperación se ejecuta mediante convocatoria abierta a gobiernos autónomos descentralizados.',
  'Se prioriza a municipios con capacidad de contraparte y compromiso político.',
  'Incluye acompañamiento técnico durante la preparación y ejecución.',
  'Los proyectos deben alinearse a los Objetivos de Desarrollo Sostenible.',
  'Se ofrecen talleres, guías metodológicas y asesoría de expertos.',
  'El apoyo puede combinarse con otras fuentes de financiamiento.',
];
const EN_FILLER = [
  'Support is provided to local governments through an open call.',
  'The programme combines technical assistance with training for municipal staff.',
  'Priority is given to municipalities with strong local ownership.',
];
// Everyday municipal vocabulary, so that documents share many unspecific words (as real ones
// do) and the vocabulary grows like a real event's, not only through lexicon terms.
const COMMON = (
  'barrio comunidad parroquia cabecera cantonal concejo alcaldía ordenanza presupuesto contraparte convenio ' +
  'licitación fiscalización obra infraestructura mantenimiento operación diseño estudio factibilidad consultoría ' +
  'beneficiarios familias hogares población habitantes dirigentes juntas asociación cooperativa comité mesa ' +
  'diagnóstico línea base indicadores metas seguimiento evaluación informe sistema red equipo personal técnico ' +
  'vehículos maquinaria herramientas materiales insumos terreno predio edificio local bodega oficina sede ' +
  'invierno verano lluvias sequía clima río quebrada laguna montaña valle costa selva isla frontera carretera ' +
  'camino puente acceso transporte servicio cobertura calidad tarifa costo financiamiento crédito préstamo ' +
  'donación aporte subvención recurso fondo cooperante socio aliado universidad fundación empresa ministerio ' +
  'prefectura gobierno provincial nacional regional mancomunidad consorcio ley reglamento normativa política ' +
  'estrategia plan programa proyecto componente actividad fase etapa cronograma plazo año mes semana prioridad ' +
  'urgente necesidad problema solución propuesta alternativa resultado impacto sostenibilidad capacidad ' +
  'jóvenes niños mujeres adultos productores comerciantes artesanos pescadores agricultores ganaderos estudiantes'
).split(' ');
const SYLLABLES = ['pa', 'ta', 'qui', 'lo', 'ma', 'chi', 'hua', 'ca', 'yu', 'ro', 'san', 'te', 'gu', 'bam', 'ba', 'co', 'ni', 'sha'];

export function generateMatchInput(opts: SyntheticOptions): MatchInput {
  const rnd = seededRandom(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const tax = loadTaxonomy();
  const sectorCodes = tax.sectores.map((s) => s.code);
  const modCodes = tax.modalidades.map((m) => m.code);
  const compCodes = tax.competencias.map((c) => c.code);
  const textOnly = opts.textOnlyShare ?? 0.15;
  const english = opts.englishShare ?? 0.05;
  const place = () => {
    const n = 2 + Math.floor(rnd() * 3);
    let s = '';
    for (let i = 0; i < n; i++) s += pick(SYLLABLES);
    return s[0].toUpperCase() + s.slice(1);
  };
  const phrase = (sector: string) => pick(pick(SECTOR_LEXICON[sector]));

  const gadms = loadGadms();
  const participants: MatchParticipant[] = gadms.map((g) => ({
    id: g.inecCode,
    kind: 'gadm',
    name: g.canton,
    province: g.provinceCode,
    region: g.region as MatchRegion,
  }));
  const coops = loadCooperants().map((c) => ({ id: c.acronym, sectores: c.sectores, modalidades: c.modalidades, tipo: c.tipo }));
  // Larger events have more cooperants; synthetic ones get random sector profiles.
  const extra = Math.max(0, Math.ceil(opts.offers / 12) - coops.length);
  for (let i = 0; i < extra; i++) {
    const sectores = [pick(sectorCodes), pick(sectorCodes), pick(sectorCodes)];
    coops.push({ id: `COOP-${String(i + 1).padStart(4, '0')}`, sectores, modalidades: [pick(modCodes), pick(modCodes)], tipo: 'PRIVADA' });
  }
  for (const c of coops) participants.push({ id: c.id, kind: 'cooperant', name: c.id, tipo: c.tipo });

  const provinces = [...new Set(gadms.map((g) => g.provinceCode))];
  const regions: MatchRegion[] = ['Costa', 'Sierra', 'Amazonía', 'Insular'];
  // Sector popularity is skewed like real demand (water and waste dominate municipal requests).
  const popular = [
    'AGUA',
    'AGUA',
    'AGUA',
    'RESIDUOS',
    'RESIDUOS',
    'MOVILIDAD',
    'RIESGOS',
    'PLANIFICACION',
    'TURISMO',
    'CLIMA',
    ...sectorCodes,
  ];

  const demands: MatchDemand[] = [];
  for (let i = 0; i < opts.demands; i++) {
    const g = pick(gadms);
    const sector = pick(popular);
    const second = rnd() < 0.3 ? pick(sectorCodes) : undefined;
    const sentences = [`Se requiere ${phrase(sector)} y ${phrase(sector)} en la parroquia ${place()}.`];
    if (second) sentences.push(`Además se considera ${phrase(second)}.`);
    const nf = 1 + Math.floor(rnd() * 4);
    for (let f = 0; f < nf; f++) sentences.push(pick(FILLER));
    const nc = 3 + Math.floor(rnd() * 8);
    const common: string[] = [];
    for (let w = 0; w < nc; w++) common.push(pick(COMMON));
    sentences.push(`Incluye ${common.join(', ')}; sector ${place()} y comunidad ${place()}.`);
    const d: MatchDemand = {
      id: `D-${g.inecCode}-${i + 1}`,
      participant: g.inecCode,
      title: `${pick(ACTIONS)} ${phrase(sector)} en ${g.canton.toLowerCase()}`,
      description: sentences.join(' '),
    };
    if (rnd() >= textOnly) {
      d.sectors = second && second !== sector ? [sector, second] : [sector];
      if (rnd() < 0.4) d.competencias = [pick(tax.sectores.find((s) => s.code === sector)!.competencias)];
      if (rnd() < 0.5) d.ods = [pick(tax.sectores.find((s) => s.code === sector)!.ods)];
      if (rnd() < 0.6) d.modalidades = [pick(modCodes)];
      if (rnd() < 0.5) d.amountUsd = Math.round(Math.exp(Math.log(20_000) + rnd() * Math.log(250)));
    } else if (rnd() < 0.3) {
      d.competencias = [pick(compCodes)];
    }
    demands.push(d);
  }

  const offers: MatchOffer[] = [];
  for (let i = 0; i < opts.offers; i++) {
    const c = coops[i % coops.length];
    const sector = c.sectores.length ? pick(c.sectores) : pick(sectorCodes);
    const other = rnd() < 0.5 ? pick(c.sectores.length ? c.sectores : sectorCodes) : undefined;
    const en = rnd() < english;
    const sentences = en
      ? [`Support for ${phrase(sector)} and ${phrase(sector)} in Ecuadorian municipalities.`, pick(EN_FILLER)]
      : [`Ofrecemos apoyo en ${phrase(sector)}, ${phrase(sector)} y ${phrase(sector)}.`, pick(OFFER_FILLER), pick(OFFER_FILLER)];
    if (other) sentences.push(en ? `Also ${phrase(other)}.` : `También ${phrase(other)}.`);
    if (!en) {
      const common: string[] = [];
      for (let w = 0, nc = 2 + Math.floor(rnd() * 6); w < nc; w++) common.push(pick(COMMON));
      sentences.push(`Cubre ${common.join(', ')}.`);
    }
    const o: MatchOffer = {
      id: `O-${c.id}-${i + 1}`,
      participant: c.id,
      title: en ? `Programme on ${phrase(sector)}` : `${pick(OFFER_ACTIONS)} ${phrase(sector)}`,
      description: sentences.join(' '),
    };
    if (rnd() >= textOnly) {
      o.sectors = other && other !== sector ? [sector, other] : [sector];
      if (rnd() < 0.4) o.ods = [pick(tax.sectores.find((s) => s.code === sector)!.ods)];
      o.modalidades = c.modalidades.length ? [...new Set([pick(c.modalidades), pick(c.modalidades)])] : [pick(modCodes)];
    }
    const geo = rnd();
    if (geo < 0.15) o.regions = [pick(regions), pick(regions)].filter((r, j, a) => a.indexOf(r) === j);
    else if (geo < 0.22) o.provinces = [pick(provinces), pick(provinces), pick(provinces)].filter((r, j, a) => a.indexOf(r) === j);
    if (rnd() < 0.4) {
      const lo = Math.round(Math.exp(Math.log(10_000) + rnd() * Math.log(50)));
      o.minAmountUsd = lo;
      o.maxAmountUsd = lo * (5 + Math.floor(rnd() * 50));
    }
    offers.push(o);
  }
  return { format: 'rueda.match-input/1', participants, demands, offers };
}
