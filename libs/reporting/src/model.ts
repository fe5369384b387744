import type { MeetingStatus } from '@rueda/domain';

/**
 * Plain input of the post-event reports: what the API or the worker loads from the
 * database for one event. Ids are opaque strings; nothing here needs TypeORM.
 */

export type ParticipantKind = 'gadm' | 'cooperant';

export interface ReportParticipant {
  id: string;
  kind: ParticipantKind;
  name: string;
  /** INEC code for GADMs (e.g. "0101"), the organiser's code for cooperants. */
  externalId: string;
  province?: string;
  provinceCode?: string;
  region?: string;
  /** Cooperant type (BILATERAL, MULTILATERAL, ...). */
  tipo?: string;
  population?: number;
}

export interface ReportDemand {
  id: string;
  participantId: string;
  title?: string;
  sectors: string[];
  competencias: string[];
  ods: number[];
  modalidades: string[];
}

export interface ReportOffer {
  id: string;
  participantId: string;
  title?: string;
  sectors: string[];
  ods: number[];
  modalidades: string[];
}

export interface ReportMeeting {
  id: string;
  participantAId: string;
  participantBId: string;
  demandId?: string;
  offerId?: string;
  status: MeetingStatus;
  /** request | organiser | mandatory | walk_in */
  origin: string;
  slotId?: string;
  tableId?: string;
  /** ISO instant. */
  startsAt?: string;
  endsAt?: string;
  tableNumber?: number;
}

export const NEXT_STEP_CODES = ['MOU', 'TECH_MISSION', 'PROJECT_PROFILE', 'FUND_APPLICATION', 'VOLUNTEERING', 'TWINNING'] as const;
export type NextStepCode = (typeof NEXT_STEP_CODES)[number];

export interface ReportOutcome {
  meetingId: string;
  side: 'a' | 'b';
  /** 1 (none) .. 5 (very high). */
  interest: number;
  nextSteps: string[];
  amountUsd?: number;
}

export const COMMITMENT_STAGES = ['identified', 'negotiation', 'signed', 'execution', 'closed', 'dropped'] as const;
export type CommitmentStage = (typeof COMMITMENT_STAGES)[number];

export interface ReportCommitment {
  id: string;
  meetingId: string;
  stage: CommitmentStage;
  amountUsd?: number;
  /** ISO instant. */
  updatedAt: string;
}

export interface ReportData {
  event: { name: string; timeZone: string };
  participants: ReportParticipant[];
  demands: ReportDemand[];
  offers: ReportOffer[];
  meetings: ReportMeeting[];
  outcomes: ReportOutcome[];
  commitments: ReportCommitment[];
}

/** How a renderer should format a column; values stay plain numbers and strings. */
export type ColumnType = 'text' | 'int' | 'number' | 'percent' | 'usd';

export interface ReportColumn {
  key: string;
  es: string;
  en: string;
  type?: ColumnType;
}

export type ReportRow = Record<string, string | number>;

/**
 * The shape every report shares so CSV, XLSX and PDF can render any of them.
 * Percent columns hold 0..100 (already rounded to one decimal), so every
 * renderer shows the same figure without knowing the report.
 */
export interface ReportTable {
  columns: ReportColumn[];
  rows: ReportRow[];
}
