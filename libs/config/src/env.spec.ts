import { ConfigError, loadEnv } from './env';

describe('configuration at boot', () => {
  const good = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', REDIS_URL: 'redis://localhost:6379' };

  it('accepts a complete environment and fills defaults', () => {
    const env = loadEnv(good);
    expect(env).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info', BODY_LIMIT: '1mb', UPLOAD_LIMIT_MB: 10 });
  });

  it('names every missing or wrong variable', () => {
    let message = '';
    try {
      loadEnv({ REDIS_URL: 'http://nope', PORT: '70000' });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL: falta \/ missing/);
    expect(message).toMatch(/REDIS_URL: valor inválido/);
    expect(message).toMatch(/PORT: valor inválido/);
  });
});

describe('mail settings', () => {
  const good = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', REDIS_URL: 'redis://localhost:6379' };

  it('are optional: without SMTP_URL mail stays queued, with defaults for sender and rate', () => {
    const env = loadEnv(good);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env).toMatchObject({
      MAIL_FROM: 'Rueda de Negocios <no-reply@rueda.local>',
      MAIL_RATE_PER_SECOND: 10,
      NOTIFY_DIGEST_SECONDS: 2,
    });
  });

  it('accept an SMTP URL, a named sender and a reply-to', () => {
    const env = loadEnv({
      ...good,
      SMTP_URL: 'smtps://u:p@mail.example.org:465',
      MAIL_FROM: 'AME <jornada@ame.gob.ec>',
      MAIL_REPLY_TO: 'info@ame.gob.ec',
    });
    expect(env).toMatchObject({ SMTP_URL: 'smtps://u:p@mail.example.org:465', MAIL_FROM: 'AME <jornada@ame.gob.ec>' });
  });

  it('name a wrong SMTP URL, sender, reply-to or short link secret', () => {
    expect(() =>
      loadEnv({ ...good, SMTP_URL: 'http://mail', MAIL_FROM: 'AME <no-es-correo>', MAIL_REPLY_TO: 'x', LINK_SECRET: 'short' }),
    ).toThrow(
      /SMTP_URL: valor inválido[\s\S]*MAIL_FROM: valor inválido[\s\S]*MAIL_REPLY_TO: valor inválido[\s\S]*LINK_SECRET: valor inválido/,
    );
  });
});
