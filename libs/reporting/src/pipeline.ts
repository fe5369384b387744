import { contextOf, pct } from './context';
import { STAGE_LABELS } from './labels';
import { COMMITMENT_STAGES, type CommitmentStage, type ReportData, type ReportTable } from './model';

export interface StageFigures {
  stage: CommitmentStage;
  es: string;
  en: string;
  count: number;
  amountUsd: number;
  /** Commitments of the stage with a known amount: the rest are counted but not summed. */
  withAmount: number;
}

export type PipelineReport = ReportTable & {
  stages: StageFigures[];
  /** Totals over every stage but "dropped". */
  active: { count: number; amountUsd: number };
  /** Held meetings with at least one active commitment, and their share of held meetings. */
  heldWithCommitment: number;
  conversion: number;
};

/** Commitments per stage of the follow-up pipeline, in pipeline order. */
export function pipeline(data: ReportData): PipelineReport {
  const ctx = contextOf(data);
  const stages = new Map<string, StageFigures>(
    COMMITMENT_STAGES.map((s) => [s, { stage: s, ...STAGE_LABELS[s], count: 0, amountUsd: 0, withAmount: 0 }]),
  );
  const active = { count: 0, amountUsd: 0 };
  for (const c of data.commitments ?? []) {
    const st = stages.get(c.stage);
    if (!st) continue;
    st.count++;
    if (c.amountUsd != null && Number.isFinite(c.amountUsd)) {
      st.amountUsd += c.amountUsd;
      st.withAmount++;
    }
    if (c.stage !== 'dropped') {
      active.count++;
      active.amountUsd += c.amountUsd ?? 0;
    }
  }
  let held = 0;
  let heldWithCommitment = 0;
  for (const m of data.meetings ?? []) {
    if (m.status !== 'held') continue;
    held++;
    if ((ctx.commitmentsByMeeting.get(m.id) ?? []).some((c) => c.stage !== 'dropped')) heldWithCommitment++;
  }
  const list = [...stages.values()];
  const total = list.reduce((n, s) => n + s.count, 0);
  return {
    columns: [
      { key: 'stage', es: 'Etapa', en: 'Stage', type: 'text' },
      { key: 'stageEn', es: 'Etapa (inglés)', en: 'Stage (English)', type: 'text' },
      { key: 'count', es: 'Compromisos', en: 'Commitments', type: 'int' },
      { key: 'share', es: 'Compromisos (%)', en: 'Commitments (%)', type: 'percent' },
      { key: 'amountUsd', es: 'Monto (USD)', en: 'Amount (USD)', type: 'usd' },
      { key: 'withAmount', es: 'Con monto conocido', en: 'With known amount', type: 'int' },
    ],
    rows: [
      ...list.map((s) => ({
        stage: s.es,
        stageEn: s.en,
        count: s.count,
        share: pct(s.count, total),
        amountUsd: s.amountUsd,
        withAmount: s.withAmount,
      })),
      {
        stage: 'Total vigente (sin descartados)',
        stageEn: 'Active total (excluding dropped)',
        count: active.count,
        share: pct(active.count, total),
        amountUsd: active.amountUsd,
        withAmount: list.filter((s) => s.stage !== 'dropped').reduce((n, s) => n + s.withAmount, 0),
      },
    ],
    stages: list,
    active,
    heldWithCommitment,
    conversion: pct(heldWithCommitment, held),
  };
}
