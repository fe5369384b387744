import { z } from 'zod';

const emailAddress = z.email();
/** `Name <address>` or `address`; the address must be valid. */
const mailbox = z
  .string()
  .refine(
    (v) => emailAddress.safeParse(/<([^<>]+)>\s*$/.exec(v)?.[1] ?? v.trim()).success,
    'dirección de correo inválida / invalid email address',
  );

/** Every variable the API and the worker read, validated once at boot. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUTH_TOKEN_TTL_HOURS: z.coerce.number().positive().default(12),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(kb|mb)$/)
    .default('1mb'),
  UPLOAD_LIMIT_MB: z.coerce.number().positive().default(10),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(10),
  ACCESS_LINK_RATE_PER_MINUTE: z.coerce.number().int().positive().default(60),
  API_RATE_PER_MINUTE: z.coerce.number().int().positive().default(6000),
  /** Live socket messages a minute, per socket and per principal (all its sockets on one API node). */
  LIVE_SOCKET_RATE_PER_MINUTE: z.coerce.number().int().positive().default(120),
  LIVE_PRINCIPAL_RATE_PER_MINUTE: z.coerce.number().int().positive().default(1200),
  /** Namespace of the BullMQ keys in Redis: API nodes and workers of one deployment share it. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/i)
    .default('rueda'),
  /** How often live sockets are re-checked for expired or revoked tokens. */
  LIVE_TOKEN_CHECK_MS: z.coerce.number().int().min(100).default(30_000),
  /** How often each API node checks it has delivered every logged message of the events its sockets follow. */
  LIVE_RECONCILE_MS: z.coerce.number().int().min(50).default(2000),
  /** How often the outbox relay hands pending jobs (committed while Redis was away) to their queues. */
  OUTBOX_RELAY_MS: z.coerce.number().int().min(50).default(1000),
  /**
   * BullMQ job lock: a worker renews it every half of this while it runs a job. When a worker
   * dies, its job is taken up again once the lock has expired and a stalled-job check has run,
   * so lock + check bound the wait (15 s + 5 s by default, inside the 30 s promised).
   */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  JOB_STALLED_CHECK_MS: z.coerce.number().int().min(500).max(60_000).default(5_000),
  /** Outgoing mail: smtp://user:pass@host:587 or smtps://…:465. Without it, emails stay queued ("held") and visible. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The sender, `Name <address>` or a bare address. */
  MAIL_FROM: mailbox.default('Rueda de Negocios <no-reply@rueda.local>'),
  MAIL_REPLY_TO: mailbox.optional(),
  /** Emails per second across all workers (BullMQ limiter): what the provider accepts. */
  MAIL_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(10),
  /** Notices for one participant that land within this window go out as one digest. */
  NOTIFY_DIGEST_SECONDS: z.coerce.number().min(0).max(3600).default(2),
  /** Key that seals personal-link tokens in the database (≥ 32 characters); without it a key is generated and kept in the database. */
  LINK_SECRET: z.string().min(32).optional(),
  /**
   * Web Push endpoints accepted beyond the browsers' own push services, as exact origins
   * separated by commas (a test receiver on loopback); empty in production.
   */
  PUSH_EXTRA_ENDPOINTS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment or stops with a message that names each bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = i.path.join('.');
      const got = source[name] === undefined ? 'falta / missing' : `valor inválido / invalid value`;
      return `  - ${name}: ${got} (${i.message})`;
    });
    throw new ConfigError(`Configuración inválida / Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export class ConfigError extends Error {}

/** ioredis/BullMQ connection options from a redis:// URL. */
export function redisConnection(url: string): {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db?: number;
  tls?: object;
} {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}
