import { dimensionLabels, meetingCodes } from './classification';
import { contextOf } from './context';
import { UNCLASSIFIED } from './labels';
import type { ReportColumn, ReportData, ReportParticipant, ReportTable } from './model';

export type CooperantSectorMatrix = ReportTable & {
  cooperants: ReportParticipant[];
  sectors: { code: string; es: string; en: string }[];
  /** cells[i][j]: held meetings of cooperant i attributed to sector j. */
  cells: number[][];
};

/** Held meetings per cooperant and sector: who actually worked on what. */
export function cooperantSectorMatrix(data: ReportData): CooperantSectorMatrix {
  const ctx = contextOf(data);
  const sectors = [...dimensionLabels('sectors'), { code: UNCLASSIFIED.code, es: UNCLASSIFIED.es, en: UNCLASSIFIED.en }];
  const col = new Map(sectors.map((s, j) => [s.code, j]));
  const cooperants = (data.participants ?? []).filter((p) => p.kind === 'cooperant');
  const rowOf = new Map(cooperants.map((p, i) => [p.id, i]));
  const cells = cooperants.map(() => new Array<number>(sectors.length).fill(0));

  for (const m of data.meetings ?? []) {
    if (m.status !== 'held') continue;
    const ia = rowOf.get(m.participantAId);
    const ib = rowOf.get(m.participantBId);
    if (ia === undefined && ib === undefined) continue;
    const codes = meetingCodes(ctx, m, 'sectors');
    for (const code of codes.length ? codes : [UNCLASSIFIED.code]) {
      let j = col.get(code);
      if (j === undefined) {
        // A sector outside the taxonomy gets its own column rather than vanishing.
        j = sectors.push({ code, es: code, en: code }) - 1;
        col.set(code, j);
        for (const r of cells) r.push(0);
      }
      if (ia !== undefined) cells[ia][j]++;
      if (ib !== undefined && ib !== ia) cells[ib][j]++;
    }
  }

  const order = cooperants.map((_, i) => i);
  const totals = cells.map((r) => r.reduce((a, b) => a + b, 0));
  order.sort((x, y) => totals[y] - totals[x] || cooperants[x].name.localeCompare(cooperants[y].name, 'es'));

  const columns: ReportColumn[] = [
    { key: 'externalId', es: 'Código', en: 'Code', type: 'text' },
    { key: 'name', es: 'Cooperante', en: 'Cooperant', type: 'text' },
    ...sectors.map((s): ReportColumn => ({ key: `s_${s.code}`, es: s.es, en: s.en, type: 'int' })),
    { key: 'total', es: 'Total', en: 'Total', type: 'int' },
  ];
  return {
    columns,
    rows: order.map((i) => {
      const row: Record<string, string | number> = { externalId: cooperants[i].externalId, name: cooperants[i].name };
      sectors.forEach((s, j) => (row[`s_${s.code}`] = cells[i][j]));
      row.total = totals[i];
      return row;
    }),
    cooperants: order.map((i) => cooperants[i]),
    sectors,
    cells: order.map((i) => cells[i]),
  };
}
