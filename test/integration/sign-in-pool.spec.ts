import { CreateUser, type Principal, startSession } from '@rueda/application';
import type { Pool } from 'pg';
import { startUseCases, type UseCaseEnv } from '../support/use-cases';

// Each argon2 verify notes how many pooled connections were checked out when it began, then
// runs the test's hook once it is done (what happens between the check and the session write).
const mockInUseAtVerify: number[] = [];
const mockPool: { pool?: Pool; afterVerify?: () => Promise<unknown> } = {};
jest.mock('@node-rs/argon2', () => {
  const actual = jest.requireActual('@node-rs/argon2');
  return {
    ...actual,
    verify: async (...args: unknown[]) => {
      const p = mockPool.pool;
      if (p) mockInUseAtVerify.push(p.totalCount - p.idleCount);
      const ok = await actual.verify(...args);
      await mockPool.afterVerify?.();
      return ok;
    },
  };
});

/**
 * Signing in checks a deliberately slow argon2 hash. It ran inside the use case's transaction,
 * so every sign-in held a pooled connection for the whole hash: a burst of sign-ins took the
 * pool from every other request. Now the password is checked before the transaction opens (the
 * account read on the pool, its connection given back), and the transaction only re-checks the
 * account and writes the session. Measured by the pool itself, not by time.
 */
describe('sign-in holds no pooled connection while it hashes', () => {
  let env: UseCaseEnv;
  const login = startSession({ ttlHours: 12 });
  const anyone: Principal = { type: 'system', name: 'login' };

  beforeAll(async () => {
    env = await startUseCases('2026-11-20T15:00:00Z');
    await env.useCases.execute(
      CreateUser,
      { type: 'system', name: 'test' },
      {
        email: 'ana@ame.gob.ec',
        name: 'Ana',
        role: 'staff',
        password: 'diez-caracteres',
      },
    );
    mockPool.pool = (env.db.driver as unknown as { master: Pool }).master;
  });
  afterAll(async () => {
    mockPool.pool = undefined;
    await env?.close();
  });

  it('checks right, wrong and unknown credentials with no connection checked out', async () => {
    mockInUseAtVerify.length = 0;
    await env.useCases.execute(login, anyone, { email: 'ana@ame.gob.ec', password: 'diez-caracteres' });
    await expect(env.useCases.execute(login, anyone, { email: 'ana@ame.gob.ec', password: 'otra-clave' })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await expect(env.useCases.execute(login, anyone, { email: 'nadie@ame.gob.ec', password: 'x' })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(mockInUseAtVerify).toEqual([0, 0, 0]);
  });

  it('refuses an account deactivated after its password was checked, and writes no session', async () => {
    const sessions = async () => (await env.q(`SELECT count(*)::int AS n FROM auth_sessions`))[0].n as number;
    const before = await sessions();
    mockPool.afterVerify = () => env.q(`UPDATE users SET active = false WHERE email = 'ana@ame.gob.ec'`);
    try {
      await expect(env.useCases.execute(login, anyone, { email: 'ana@ame.gob.ec', password: 'diez-caracteres' })).rejects.toMatchObject({
        code: 'invalid_credentials',
      });
    } finally {
      mockPool.afterVerify = undefined;
    }
    expect(await sessions()).toBe(before);
  });
});
