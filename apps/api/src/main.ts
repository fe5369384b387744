import { ConfigError, loadEnv } from '@rueda/config';

async function main() {
  let env;
  try {
    env = loadEnv();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  // Loaded after the environment check so a bad variable is reported before Nest starts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createApp } = require('./bootstrap') as typeof import('./bootstrap');
  const app = await createApp();
  await app.listen(env.PORT, env.HOST);
}

void main();
