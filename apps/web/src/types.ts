import type { Schemas } from './api';

/** Input of a session (the form's shape); what the API answers is `Schemas['Session']`. */
export interface Session {
  id?: string;
  label: string;
  day: string;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  gapMinutes: number;
  breaks: { start: string; end: string; label?: string }[];
}
export type EventRec = Schemas['Event'];
export type Slot = Schemas['Slot'];
export type TableRec = Schemas['Table'];
export type Participant = Schemas['Participant'];
export type Delegate = Schemas['Delegate'];
export type Meeting = Schemas['Meeting'];
export type MatchRow = Schemas['MatchRow'];
export type Assignment = Schemas['Assignment'];
/** What the scheduler minimises after weight: idle slots between meetings, or breaks. */
export type IdleMeasure = NonNullable<Schemas['ScheduleVersion']['bounds']['idleMeasure']>;
/** The GADM participation figures as drawn (a version's, or the summary report's). */
export type Participation = Pick<Schemas['Participation'], 'metric' | 'rows'>;
