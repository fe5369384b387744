import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/**
 * The web compiles against apps/web/src/generated/api.d.ts, generated from the API's OpenAPI
 * document. When a route, body or response schema changes and the file is not regenerated
 * (`npm run api:types`), this fails, so the web can never type-check against a stale contract.
 */
describe('generated web client types', () => {
  it('match the OpenAPI document the API builds', () => {
    const run = spawnSync(process.execPath, ['-r', './test/support/register-ts.js', 'scripts/api-types.ts', '--check'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'test' },
      timeout: 170_000,
    });
    expect(run.stderr).not.toMatch(/stale/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('api types are up to date');
  }, 180_000);
});
