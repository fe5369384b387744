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
