import type { Env } from './env';

/**
 * Rueda's bearer tokens (organiser `ro_`, participant link `rp_`, queue dashboard session `rq_`,
 * calendar feed `rc_`) followed by their random part. They travel in headers, cookies, page
 * addresses (a Referer of `/app/a/rp_…`, the feed path `/calendar/rc_….ics`) and, from old
 * links, query strings; none may reach a log line.
 */
const TOKEN = /\b(r[opqc]_)[A-Za-z0-9_-]{16,}/g;

export function redactTokens(text: string): string {
  return text.replace(TOKEN, '$1[redactado]');
}

/**
 * Where the API and the worker write their JSON logs: standard output, with every token
 * replaced whatever field, header or message it hides in (the serialized line is scanned, so a
 * new field cannot slip past a list of paths).
 */
export const redactingStdout = { write: (line: string) => process.stdout.write(redactTokens(line)) };

/** nestjs-pino parameters shared by the API and the worker. */
export function loggerParams(env: Pick<Env, 'LOG_LEVEL'>, options: { ignore?: (req: { url?: string }) => boolean } = {}) {
  return {
    pinoHttp: [
      {
        level: env.LOG_LEVEL,
        redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        ...(options.ignore ? { autoLogging: { ignore: options.ignore } } : {}),
      },
      redactingStdout,
    ] as [object, typeof redactingStdout],
  };
}
