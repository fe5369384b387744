// Reads an uploaded spreadsheet in a worker thread: a large or hostile workbook costs this
// thread's time and (capped) memory, never the API's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { parseTable, ParseTableOptions } from '@rueda/importing';

const { buf, opts } = workerData as { buf: Uint8Array; opts: ParseTableOptions };
parseTable(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), opts).then(
  (table) => parentPort!.postMessage({ type: 'done', table }),
  (e: unknown) => parentPort!.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) }),
);
