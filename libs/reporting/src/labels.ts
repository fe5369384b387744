import type { MeetingStatus } from '@rueda/domain';
import type { CommitmentStage, NextStepCode, ParticipantKind } from './model';

export interface Bilingual {
  es: string;
  en: string;
}

export const STATUS_LABELS: Record<MeetingStatus, Bilingual> = {
  requested: { es: 'Solicitada', en: 'Requested' },
  accepted: { es: 'Aceptada', en: 'Accepted' },
  declined: { es: 'Rechazada', en: 'Declined' },
  expired: { es: 'Vencida', en: 'Expired' },
  scheduled: { es: 'Agendada', en: 'Scheduled' },
  checked_in: { es: 'Registrada', en: 'Checked in' },
  held: { es: 'Realizada', en: 'Held' },
  no_show: { es: 'Inasistencia', en: 'No-show' },
  cancelled: { es: 'Cancelada', en: 'Cancelled' },
};

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
