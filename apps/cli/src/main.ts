#!/usr/bin/env node
// The `rueda` command: `npm run rueda -- <command> [options]`.
// Each command lives in ./commands/<name>.ts and is loaded only when asked for, so that
// `match` and `schedule` never pull in the database or Redis clients.
import { isDomainError } from '@rueda/domain';
import { CliCommand, CliUsageError, refusalText } from './command';

/* eslint-disable @typescript-eslint/no-require-imports */
const commands: Record<string, () => { default: CliCommand }> = {
  match: () => require('./commands/match'),
  schedule: () => require('./commands/schedule'),
  db: () => require('./commands/db'),
  users: () => require('./commands/users'),
  seed: () => require('./commands/seed'),
  demo: () => require('./commands/demo'),
};

function usage(): string {
  const lines = Object.keys(commands).map((c) => `  ${c}`);
  return ['Uso / Usage: npm run rueda -- <comando> [opciones]', '', 'Comandos / Commands:', ...lines, ''].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`Comando desconocido / Unknown command: ${name}\n\n${usage()}`);
    return 2;
  }
  return load().default.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof CliUsageError) {
      process.stderr.write(err.message.endsWith('\n') ? err.message : `${err.message}\n`);
      process.exit(2);
    }
    // A use case refused the command: say why, field by field, as the API would.
    if (isDomainError(err)) {
      process.stderr.write(refusalText(err));
      process.exit(2);
    }
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
