import type { MeetingStatus } from '@rueda/domain';
import { MEETING_STATUS_TERMS, type Bilingual } from '@rueda/i18n';
import type { CommitmentStage, NextStepCode, ParticipantKind } from './model';

export type { Bilingual };

/** The console's own words (one term per status everywhere: "No asistió", never "Inasistencia"). */
export const STATUS_LABELS: Record<MeetingStatus, Bilingual> = MEETING_STATUS_TERMS;

export const KIND_LABELS: Record<ParticipantKind, Bilingual> = {
  gadm: { es: 'GADM', en: 'Municipality (GADM)' },
  cooperant: { es: 'Cooperante', en: 'Cooperant' },
};

export const STAGE_LABELS: Record<CommitmentStage, Bilingual> = {
  identified: { es: 'Identificado', en: 'Identified' },
  negotiation: { es: 'En negociación', en: 'In negotiation' },
  signed: { es: 'Firmado', en: 'Signed' },
  execution: { es: 'En ejecución', en: 'In execution' },
  closed: { es: 'Cerrado', en: 'Closed' },
  dropped: { es: 'Descartado', en: 'Dropped' },
};

export const NEXT_STEP_LABELS: Record<NextStepCode, Bilingual> = {
  MOU: { es: 'Memorando de entendimiento', en: 'Memorandum of understanding' },
  TECH_MISSION: { es: 'Misión técnica', en: 'Technical mission' },
  PROJECT_PROFILE: { es: 'Perfil de proyecto', en: 'Project profile' },
  FUND_APPLICATION: { es: 'Postulación a fondos', en: 'Funding application' },
  VOLUNTEERING: { es: 'Voluntariado', en: 'Volunteering' },
  TWINNING: { es: 'Hermanamiento', en: 'Twinning' },
};

export const UNCLASSIFIED: Bilingual & { code: string } = { code: 'SIN_CLASIFICAR', es: 'Sin clasificar', en: 'Unclassified' };
