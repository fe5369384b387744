export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

/** A file made by a job (the content itself is read only to download it). */
export interface ExportRecord {
  id: string;
  eventId: string;
  kind: string;
  status: ExportStatus;
  params: Record<string, unknown>;
  progress: Record<string, unknown>;
  filename: string;
  size: number | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Files the exports job makes. */
export interface ExportRepository {
  eventExists(eventId: string): Promise<boolean>;
  /** A queued export of the event (its id is its job's). */
  create(e: {
    eventId: string;
    kind: string;
    params: Record<string, unknown>;
    filename: string;
    contentType: string;
    requestedBy: string | null;
  }): Promise<ExportRecord>;
  /** Changes an export whose status is one of `open`; whether it did. */
  updateOpen(
    exportId: string,
    open: ExportStatus[],
    patch: {
      status: ExportStatus;
      progress?: Record<string, unknown>;
      error?: string | null;
      content?: Uint8Array;
      size?: number;
      finishedAt?: Date;
    },
  ): Promise<boolean>;
}
