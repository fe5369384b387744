import { indexTaxonomy, loadCooperants, loadGadms, type GadmRef, type Region } from '@rueda/domain';
import { normalizeKey, REGIONS, type DelegateRecord, type DemandRecord, type OfferRecord, type ParticipantRecord } from '@rueda/importing';
import {
  BARRIOS,
  CANTON_OPENERS,
  COOPERANT_ROLES,
  EXTRA_COOPERANTS,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  FOREIGN_NAMES,
  GADM_ROLES_EXTRA,
  OFFER_OPENINGS,
  OFFER_SENTENCES,
  PARROQUIAS,
  SECTOR_CONTENT,
  SURNAMES,
  type CooperantTemplate,
} from './content';
import { Rng } from './prng';

export interface DemoJornada {
  participants: ParticipantRecord[];
  delegates: DelegateRecord[];
  demands: DemandRecord[];
  offers: OfferRecord[];
}

export interface DemoOptions {
  /** Same seed, same Jornada. Default 2026. */
  seed?: number;
  /** Total cooperants: the 38 of the reference plus generated ones. Default 80 (at most 38 + 47). */
  cooperants?: number;
  /** How many GADMs bring demands. Default 150 of the 221. */
  gadmsWithDemands?: number;
}

const slug = (s: string) => normalizeKey(s).replace(/_/g, '');

/** Landline area code by province (Ecuador's 02-07 numbering). */
const AREA_CODE: Record<string, string> = {
  '01': '07',
  '02': '03',
  '03': '07',
  '04': '06',
  '05': '03',
  '06': '03',
  '07': '07',
  '08': '06',
  '09': '04',
  '10': '06',
  '11': '07',
  '12': '05',
  '13': '05',
  '14': '07',
  '15': '06',
  '16': '03',
  '17': '02',
  '18': '03',
  '19': '07',
  '20': '05',
  '21': '06',
  '22': '06',
  '23': '02',
  '24': '04',
};

/** Sectors a region asks for more often than the national mix. */
const REGIONAL_BOOST: Record<Region, string[]> = {
  Costa: ['RIESGOS', 'TURISMO', 'AGUA'],
  Sierra: ['AGUA', 'RURAL', 'PATRIMONIO'],
  Amazonía: ['CLIMA', 'RURAL', 'INCLUSION'],
  Insular: ['TURISMO', 'RESIDUOS', 'AGUA'],
};

const MONEY = ['CREDITO', 'FIN_NR', 'INVERSION', 'DONACION'];

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? `{${k}}`);
}

function isoDay(rng: Rng, year: number): string {
  return new Date(Date.UTC(year, 0, 1 + rng.int(0, 364))).toISOString().slice(0, 10);
}

function personName(rng: Rng, origin: string | undefined): { name: string; female: boolean; first: string; last: string } {
  const female = rng.chance(0.45);
  const foreign = origin ? FOREIGN_NAMES[origin] : undefined;
  if (foreign && rng.chance(0.6)) {
    const first = rng.pick(foreign.first);
    const last = rng.pick(foreign.last);
    return { name: `${first} ${last}`, female, first, last };
  }
  const pool = female ? FIRST_NAMES_F : FIRST_NAMES_M;
  const first = rng.chance(0.35) ? rng.sample(pool, 2).join(' ') : rng.pick(pool);
  const [last1, last2] = rng.sample(SURNAMES, 2);
  return { name: `${first} ${last1} ${last2}`, female, first, last: last1 };
}

function mobile(rng: Rng): string {
  return `09${rng.int(10_000_000, 99_999_999)}`;
}

/**
 * A complete, plausible Jornada for demos, load tests and UI work: every GADM
 * and cooperant of the reference, generated extra cooperants, delegates,
 * demands and offers. Pure function of the seed.
 */
export function generateDemoJornada(options: DemoOptions = {}): DemoJornada {
  const seed = options.seed ?? 2026;
  const rng = new Rng(seed);
  const tax = indexTaxonomy();
  const gadms = loadGadms();
  const refCooperants = loadCooperants();

  const participants: ParticipantRecord[] = [];
  const delegates: DelegateRecord[] = [];
  const demands: DemandRecord[] = [];
  const offers: OfferRecord[] = [];

  // ---------------------------------------------------------------- GADMs
  const domainOf = new Map<string, string>();
  for (const g of gadms) {
    const domain = `${slug(g.canton)}.gob.ec`;
    domainOf.set(g.inecCode, domain);
    participants.push({
      externalId: g.inecCode,
      kind: 'gadm',
      name: `GAD Municipal de ${g.canton}`,
      inecCode: g.inecCode,
      canton: g.canton,
      province: g.province,
      provinceCode: g.provinceCode,
      region: g.region,
      email: `cooperacion@${domain}`,
      phone: `${AREA_CODE[g.provinceCode] ?? '02'} ${rng.int(2_000_000, 2_999_999)}`,
    });
  }

  // ---------------------------------------------------------------- cooperants
  const extraCount = Math.max(0, (options.cooperants ?? 80) - refCooperants.length);
  const cooperants: CooperantTemplate[] = [...refCooperants, ...rng.sample(EXTRA_COOPERANTS, extraCount)];
  for (const c of cooperants) {
    const domain = `${slug(c.acronym)}.org`;
    domainOf.set(c.acronym, domain);
    participants.push({
      externalId: c.acronym,
      kind: 'cooperant',
      name: c.name,
      acronym: c.acronym,
      tipo: c.tipo,
      origin: c.origin,
      ...(rng.chance(0.7) && { email: `info@${domain}` }),
    });
  }

  // ---------------------------------------------------------------- delegates
  for (const p of participants) {
    const isGadm = p.kind === 'gadm';
    const n = isGadm
      ? rng.weighted([
          [1, 0.35],
          [2, 0.45],
          [3, 0.2],
        ] as const)
      : rng.weighted([
          [1, 0.4],
          [2, 0.4],
          [3, 0.2],
        ] as const);
    const roles = isGadm ? rng.sample(GADM_ROLES_EXTRA, n - 1) : rng.sample(COOPERANT_ROLES, n);
    for (let i = 0; i < n; i++) {
      const person = personName(rng, isGadm ? undefined : p.origin);
      const roleForms = isGadm ? (i === 0 ? (['Alcalde', 'Alcaldesa'] as const) : roles[i - 1]) : roles[i];
      delegates.push({
        externalId: `DEL-${p.externalId}-${i + 1}`,
        participant: p.externalId,
        fullName: person.name,
        role: person.female ? roleForms[1] : roleForms[0],
        email: `${slug(person.first).charAt(0)}${slug(person.last)}@${domainOf.get(p.externalId)}`,
        ...(rng.chance(0.8) && { phone: mobile(rng) }),
      });
    }
  }

  // ---------------------------------------------------------------- demands
  const withDemands = new Set(rng.sample(gadms, options.gadmsWithDemands ?? 150).map((g) => g.inecCode));
  for (const g of gadms) {
    if (!withDemands.has(g.inecCode)) continue;
    demands.push(...gadmDemands(rng, g, tax));
  }

  // ---------------------------------------------------------------- offers
  const provinceCodes = [...new Set(gadms.map((g) => g.provinceCode))];
  for (const c of cooperants) offers.push(...cooperantOffers(rng, c, tax, provinceCodes));

  return { participants, delegates, demands, offers };
}

type TaxIndex = ReturnType<typeof indexTaxonomy>;

function gadmDemands(rng: Rng, g: GadmRef, tax: TaxIndex): DemandRecord[] {
  const canton = g.canton;
  const n = rng.weighted([
    [1, 0.45],
    [2, 0.35],
    [3, 0.2],
  ] as const);
  const boost = new Set(REGIONAL_BOOST[g.region]);
  const used = new Set<string>();
  const out: DemandRecord[] = [];
  for (let k = 1; k <= n; k++) {
    const sector = rng.weighted(
      Object.entries(SECTOR_CONTENT)
        .filter(([code]) => !used.has(code))
        .map(([code, c]) => [code, c.weight * (boost.has(code) ? 2 : 1)] as const),
    );
    used.add(sector);
    const content = SECTOR_CONTENT[sector];
    const vars = {
      canton,
      parroquia: rng.pick(PARROQUIAS),
      barrio: rng.pick(BARRIOS),
      n: String(rng.pick([120, 350, 800, 1500, 2400, 5000])),
    };
    const titleTemplate = rng.pick(content.demandTitles);
    const title = fill(titleTemplate, vars);
    let sentences = rng.sample(content.demandSentences, rng.int(1, 3));
    // Every demand names its canton somewhere, as real project sheets do.
    if (![titleTemplate, ...sentences].some((s) => s.includes('{canton}'))) {
      sentences = [rng.pick(CANTON_OPENERS), ...sentences.slice(0, 2)];
    }
    const description = sentences.map((s) => fill(s, vars)).join(' ');
    const demand: DemandRecord = {
      externalId: `D-${g.inecCode}-${k}`,
      participant: g.inecCode,
      title,
      description,
      sectors: [],
      competencias: [],
      ods: [],
      modalidades: [],
    };
    // About 15 % arrive as text only, like a half-filled registration form.
    if (!rng.chance(0.15)) {
      const sectors = [sector];
      if (rng.chance(0.2)) {
        const second = rng.pick(Object.keys(SECTOR_CONTENT).filter((s) => s !== sector));
        sectors.push(second);
      }
      const links = sectors.map((s) => tax.sectores.get(s)!);
      const competencias = [...new Set(links.flatMap((l) => l.competencias))];
      const ods = [...new Set(links.flatMap((l) => l.ods))];
      demand.sectors = sectors;
      if (rng.chance(0.8)) demand.competencias = rng.sample(competencias, rng.int(1, Math.min(2, competencias.length))).sort();
      if (rng.chance(0.85)) demand.ods = rng.sample(ods, rng.int(1, ods.length)).sort((a, b) => a - b);
      if (rng.chance(0.8)) demand.modalidades = rng.sample(content.demandModalidades, rng.int(1, 2));
    }
    if (rng.chance(0.6)) {
      const big = demand.modalidades.some((m) => m === 'CREDITO' || m === 'INVERSION');
      demand.amountUsd = big ? rng.amount(200_000, 5_000_000) : rng.amount(20_000, 800_000);
    }
    if (rng.chance(0.35)) demand.deadline = isoDay(rng, 2027);
    out.push(demand);
  }
  return out;
}

function amountRange(rng: Rng, modalidades: string[]): { minAmountUsd?: number; maxAmountUsd?: number } {
  if (modalidades.includes('CREDITO')) {
    return { minAmountUsd: rng.amount(300_000, 2_000_000), maxAmountUsd: rng.amount(5_000_000, 50_000_000) };
  }
  if (modalidades.includes('INVERSION') && rng.chance(0.7)) {
    return { minAmountUsd: rng.amount(500_000, 2_000_000), maxAmountUsd: rng.amount(5_000_000, 30_000_000) };
  }
  if (modalidades.some((m) => MONEY.includes(m)) && rng.chance(0.7)) {
    const max = rng.amount(50_000, 1_000_000);
    return rng.chance(0.5) ? { minAmountUsd: rng.amount(5_000, Math.min(50_000, max)), maxAmountUsd: max } : { maxAmountUsd: max };
  }
  return rng.chance(0.15) ? { maxAmountUsd: rng.amount(20_000, 300_000) } : {};
}

function cooperantOffers(rng: Rng, c: CooperantTemplate, tax: TaxIndex, provinceCodes: string[]): OfferRecord[] {
  const n = rng.int(1, 4);
  const primaries = rng.shuffle(c.sectores);
  const titles = new Set<string>();
  const out: OfferRecord[] = [];
  for (let k = 1; k <= n; k++) {
    const primary = primaries[(k - 1) % primaries.length];
    const sectors = [primary];
    const others = c.sectores.filter((s) => s !== primary);
    if (others.length && rng.chance(0.3)) sectors.push(rng.pick(others));
    const modalidades = rng.sample(c.modalidades, rng.int(1, Math.min(2, c.modalidades.length)));
    const topic = SECTOR_CONTENT[primary].offerTopic;
    let title = '';
    for (let attempt = 0; attempt < 6 && (title === '' || titles.has(title)); attempt++) {
      title = `${rng.pick(OFFER_OPENINGS[rng.pick(modalidades)])} ${topic}`;
    }
    if (titles.has(title)) title = `${title} (${k})`;
    titles.add(title);
    const vars = { cooperante: c.name, topic };
    const description = [OFFER_SENTENCES[0], ...rng.sample(OFFER_SENTENCES.slice(1), rng.int(0, 2))].map((s) => fill(s, vars)).join(' ');
    const ods = rng.chance(0.85) ? [...new Set(sectors.flatMap((s) => tax.sectores.get(s)!.ods))].sort((a, b) => a - b) : [];
    let regions: OfferRecord['regions'] = [];
    let provinces: string[] = [];
    const scope = rng.float();
    if (scope < 0.2)
      regions = rng.sample(
        REGIONS.filter((r) => r !== 'Insular'),
        rng.int(1, 2),
      );
    else if (scope < 0.3) provinces = rng.sample(provinceCodes, rng.int(1, 3)).sort();
    out.push({
      externalId: `O-${c.acronym}-${k}`,
      participant: c.acronym,
      title,
      description,
      sectors,
      ods,
      modalidades,
      regions,
      provinces,
      ...amountRange(rng, modalidades),
      ...(rng.chance(0.5) && { validUntil: isoDay(rng, 2027) }),
    });
  }
  return out;
}
