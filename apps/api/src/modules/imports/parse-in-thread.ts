import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ParsedTable, ParseTableOptions, tooLargeIssue, XLSX_LIMITS, xlsxLimitBreach } from '@rueda/importing';

/** Heap of the parsing thread: past it the thread dies alone and the upload is refused. */
const THREAD_HEAP_MB = 512;
/** A workbook that takes longer than this to read is refused (the thread is stopped). */
const THREAD_TIME_MS = 60_000;

export class SpreadsheetTooLarge extends Error {
  constructor(readonly issue: ParsedTable['issues'][number]) {
    super(issue.message.en);
  }
}

/**
 * parseTable off the API's event loop. A workbook whose zip directory already declares more
 * than the limits is refused at once, without a thread; the thread re-checks by inflating (a
 * directory may lie) and then reads the file with a capped heap and a time limit.
 * From compiled code the thread runs parse-thread.js; from TypeScript sources (tests, tsx)
 * it registers tsx first.
 */
export function parseInThread(buf: Buffer, opts: ParseTableOptions): Promise<ParsedTable> {
  const declared = xlsxLimitBreach(buf, opts.xlsxLimits ?? XLSX_LIMITS, { inflate: false });
  if (declared) return Promise.reject(new SpreadsheetTooLarge(tooLargeIssue(declared)));
  const js = join(__dirname, 'parse-thread.js');
  const options = { workerData: { buf, opts }, resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } };
  const worker = existsSync(js)
    ? new Worker(js, options)
    : new Worker(
        `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(join(__dirname, 'parse-thread.ts'))});`,
        { ...options, eval: true },
      );
  return new Promise<ParsedTable>((resolve, reject) => {
    const tooBig = (detail: { es: string; en: string }) =>
      new SpreadsheetTooLarge({ row: 0, column: null, code: 'too_large', severity: 'error', message: detail });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        tooBig({
          es: `El archivo tardó más de ${THREAD_TIME_MS / 1000} s en leerse; divídalo o guárdelo como CSV.`,
          en: `The file took more than ${THREAD_TIME_MS / 1000} s to read; split it or save it as CSV.`,
        }),
      );
    }, THREAD_TIME_MS);
    worker.on('message', (msg: { type: 'done'; table: ParsedTable } | { type: 'error'; message: string }) => {
      clearTimeout(timer);
      const tooLarge = msg.type === 'done' ? msg.table.issues.find((i) => i.code === 'too_large') : undefined;
      if (tooLarge) reject(new SpreadsheetTooLarge(tooLarge));
      else if (msg.type === 'done') resolve(msg.table);
      else reject(new Error(msg.message));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? tooBig({
              es: `El archivo necesita más de ${THREAD_HEAP_MB} MB de memoria para leerse; divídalo o guárdelo como CSV.`,
              en: `The file needs more than ${THREAD_HEAP_MB} MB of memory to read; split it or save it as CSV.`,
            })
          : e,
      );
    });
    worker.on('exit', () => clearTimeout(timer));
  });
}
