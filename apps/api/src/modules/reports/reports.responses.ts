import { z } from 'zod';
import { id, int, timestamp } from '../../platform/response-types';

/** Where each report is, as JSON, CSV and XLSX, and the whole workbook and PDF. */
export const ReportIndexOut = z.object({
  reports: z.array(z.object({ name: z.string(), json: z.string(), csv: z.string(), xlsx: z.string() })),
  workbook: z.string(),
  pdf: z.string(),
});

/** A file export running as a job: its status, progress and, once done, where to download it. */
export const ExportJobOut = z
  .object({
    jobId: id,
    kind: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    params: z.record(z.string(), z.unknown()),
    progress: z.record(z.string(), z.unknown()),
    filename: z.string(),
    size: int.nullable(),
    error: z.string().nullable(),
    createdAt: timestamp,
    finishedAt: timestamp.nullable(),
    url: z.string(),
    fileUrl: z.string().nullable(),
  })
  .meta({ id: 'ExportJob' });
