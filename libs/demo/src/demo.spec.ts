import { indexTaxonomy, loadCooperants, loadGadms } from '@rueda/domain';
import { exportTable, importFile, RECORD_SCHEMAS } from '@rueda/importing';
import { generateDemoJornada, mulberry32, toMatchInput, type DemoJornada } from '@rueda/demo';

describe('mulberry32', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });
});

describe('generateDemoJornada', () => {
  let demo: DemoJornada;
  beforeAll(() => {
    demo = generateDemoJornada();
  });

  it('is a pure function of the seed', () => {
    expect(generateDemoJornada({ seed: 2026 })).toEqual(demo);
    expect(JSON.stringify(generateDemoJornada({ seed: 2026 }))).toBe(JSON.stringify(demo));
    expect(generateDemoJornada({ seed: 7 })).not.toEqual(demo);
  });

  it('has every GADM and 80 cooperants, the 38 of the reference included', () => {
    const gadms = demo.participants.filter((p) => p.kind === 'gadm');
    const cooperants = demo.participants.filter((p) => p.kind === 'cooperant');
    expect(gadms.map((g) => g.externalId).sort()).toEqual(
      loadGadms()
        .map((g) => g.inecCode)
        .sort(),
    );
    expect(cooperants).toHaveLength(80);
    const ids = new Set(cooperants.map((c) => c.externalId));
    for (const ref of loadCooperants()) expect(ids.has(ref.acronym)).toBe(true);
    const tipos = indexTaxonomy().tipos;
    for (const c of cooperants) {
      expect(tipos.has(c.tipo!)).toBe(true);
      expect(c.origin).toBeTruthy();
    }
    expect(gadms.find((g) => g.externalId === '0104')).toMatchObject({
      name: 'GAD Municipal de Nabón',
      provinceCode: '01',
      region: 'Sierra',
    });
  });

  it('produces records that satisfy the import schemas', () => {
    for (const kind of ['participants', 'delegates', 'demands', 'offers'] as const) {
      for (const r of demo[kind]) {
        const parsed = RECORD_SCHEMAS[kind].safeParse(r);
        if (!parsed.success) throw new Error(`${kind} ${JSON.stringify(r)}: ${parsed.error.message}`);
      }
      const ids = demo[kind].map((r) => r.externalId);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('gives every participant 1-3 delegates, GADMs led by their mayor', () => {
    const count = new Map<string, number>();
    for (const d of demo.delegates) count.set(d.participant, (count.get(d.participant) ?? 0) + 1);
    for (const p of demo.participants) {
      expect(count.get(p.externalId)).toBeGreaterThanOrEqual(1);
      expect(count.get(p.externalId)).toBeLessThanOrEqual(3);
    }
    expect(demo.delegates.find((d) => d.externalId === 'DEL-0104-1')?.role).toMatch(/^Alcalde(sa)?$/);
    const cooperantsWithSeveral = demo.participants.filter((p) => p.kind === 'cooperant' && count.get(p.externalId)! >= 2);
    expect(cooperantsWithSeveral.length).toBeGreaterThan(20);
  });

  it('has demands from ~150 GADMs, tags consistent with the taxonomy links, ~15% untagged', () => {
    const tax = indexTaxonomy();
    const owners = new Set(demo.demands.map((d) => d.participant));
    expect(owners.size).toBe(150);
    const perGadm = new Map<string, number>();
    for (const d of demo.demands) perGadm.set(d.participant, (perGadm.get(d.participant) ?? 0) + 1);
    expect(Math.max(...perGadm.values())).toBeLessThanOrEqual(3);
    for (const d of demo.demands) {
      expect(d.participant).toMatch(/^\d{4}$/);
      const canton = demo.participants.find((p) => p.externalId === d.participant)!.name.replace('GAD Municipal de ', '');
      expect(`${d.title} ${d.description}`).toContain(canton.split(' ')[0]);
      const linkedComp = new Set(d.sectors.flatMap((s) => tax.sectores.get(s)!.competencias));
      const linkedOds = new Set(d.sectors.flatMap((s) => tax.sectores.get(s)!.ods));
      for (const c of d.competencias) expect(linkedComp.has(c)).toBe(true);
      for (const o of d.ods) expect(linkedOds.has(o)).toBe(true);
      for (const m of d.modalidades) expect(tax.modalidades.has(m)).toBe(true);
      if (d.amountUsd !== undefined) {
        expect(d.amountUsd).toBeGreaterThanOrEqual(20_000);
        expect(d.amountUsd).toBeLessThanOrEqual(5_000_000);
      }
    }
    const untagged = demo.demands.filter((d) => !d.sectors.length && !d.competencias.length && !d.ods.length && !d.modalidades.length);
    const share = untagged.length / demo.demands.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.25);
  });

  it('gives every cooperant 1-4 offers within its sectors and modalidades', () => {
    const cooperants = loadCooperants();
    const byId = new Map(cooperants.map((c) => [c.acronym, c]));
    const perCoop = new Map<string, number>();
    for (const o of demo.offers) perCoop.set(o.participant, (perCoop.get(o.participant) ?? 0) + 1);
    for (const p of demo.participants.filter((x) => x.kind === 'cooperant')) {
      expect(perCoop.get(p.externalId)).toBeGreaterThanOrEqual(1);
      expect(perCoop.get(p.externalId)).toBeLessThanOrEqual(4);
    }
    for (const o of demo.offers) {
      const ref = byId.get(o.participant);
      if (ref) {
        for (const s of o.sectors) expect(ref.sectores).toContain(s);
        for (const m of o.modalidades) expect(ref.modalidades).toContain(m);
      }
      if (o.minAmountUsd !== undefined && o.maxAmountUsd !== undefined) expect(o.minAmountUsd).toBeLessThanOrEqual(o.maxAmountUsd);
    }
    expect(demo.offers.some((o) => o.regions.length > 0)).toBe(true);
    expect(demo.offers.some((o) => o.provinces.length > 0)).toBe(true);
    expect(demo.offers.some((o) => o.maxAmountUsd !== undefined)).toBe(true);
  });

  it("round-trips through the organisers' spreadsheet format", async () => {
    const participants = demo.participants.map((p) => ({ externalId: p.externalId, kind: p.kind }));
    for (const kind of ['participants', 'delegates', 'demands', 'offers'] as const) {
      const buf = await exportTable(kind, demo[kind] as never, 'csv');
      const r = await importFile(kind, buf, { filename: `${kind}.csv` }, { participants });
      expect(r.issues).toEqual([]);
      expect(r.records).toEqual(demo[kind]);
    }
  });
});

describe('toMatchInput', () => {
  it('has the rueda.match-input/1 shape with valid codes, unique ids and existing participants', () => {
    const mi = toMatchInput(generateDemoJornada({ seed: 11 }));
    const tax = indexTaxonomy();
    expect(mi.format).toBe('rueda.match-input/1');
    expect(Object.keys(mi).sort()).toEqual(['demands', 'format', 'offers', 'participants']);
    const pids = mi.participants.map((p) => p.id);
    expect(new Set(pids).size).toBe(pids.length);
    const kindOf = new Map(mi.participants.map((p) => [p.id, p.kind]));
    for (const p of mi.participants) {
      expect(['gadm', 'cooperant']).toContain(p.kind);
      expect(p.name).toBeTruthy();
      if (p.kind === 'gadm') {
        expect(p.province).toMatch(/^\d{2}$/);
        expect(['Costa', 'Sierra', 'Amazonía', 'Insular']).toContain(p.region);
      } else expect(tax.tipos.has(p.tipo!)).toBe(true);
    }
    const ids = [...mi.demands, ...mi.offers].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of mi.demands) {
      expect(kindOf.get(d.participant)).toBe('gadm');
      expect(d.title && d.description).toBeTruthy();
      for (const s of d.sectors ?? []) expect(tax.sectores.has(s)).toBe(true);
      for (const c of d.competencias ?? []) expect(tax.competencias.has(c)).toBe(true);
      for (const o of d.ods ?? []) expect(tax.ods.has(o)).toBe(true);
      for (const m of d.modalidades ?? []) expect(tax.modalidades.has(m)).toBe(true);
      expect(
        Object.keys(d).every((k) =>
          ['id', 'participant', 'title', 'description', 'sectors', 'competencias', 'ods', 'modalidades', 'amountUsd'].includes(k),
        ),
      ).toBe(true);
    }
    const provinceCodes = new Set(loadGadms().map((g) => g.provinceCode));
    for (const o of mi.offers) {
      expect(kindOf.get(o.participant)).toBe('cooperant');
      for (const s of o.sectors ?? []) expect(tax.sectores.has(s)).toBe(true);
      for (const x of o.ods ?? []) expect(tax.ods.has(x)).toBe(true);
      for (const m of o.modalidades ?? []) expect(tax.modalidades.has(m)).toBe(true);
      expect(Array.isArray(o.regions) && Array.isArray(o.provinces)).toBe(true);
      for (const p of o.provinces ?? []) expect(provinceCodes.has(p)).toBe(true);
    }
    // Plain JSON: survives serialisation unchanged.
    expect(JSON.parse(JSON.stringify(mi))).toEqual(mi);
  });
});
