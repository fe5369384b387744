import { parseArgs } from 'node:util';
import { CreateUser, systemClock, UseCases } from '@rueda/application';
import { TypeOrmUnitOfWork } from '@rueda/persistence';
import { CliCommand, CliUsageError } from '../command';
import { withDatabase } from '../database';

const HELP = 'Uso / Usage: npm run rueda -- users create --email E --password P [--name N] [--role admin|staff]\n';

const CLI = { type: 'system' as const, name: 'cli' };

/** Creates or resets an organiser account (the first admin of a fresh install). */
const command: CliCommand = {
  description: 'Cuentas de organizadores / Organiser accounts',
  async run(args) {
    const [sub, ...rest] = args;
    if (sub !== 'create') throw new CliUsageError(HELP);
    const { values } = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', default: 'admin' },
      },
    });
    if (!values.email || !values.password) throw new CliUsageError(HELP);
    // The same use case and rules (email, role, password length) as an admin creating an account
    // in the API; the command line may also reset an existing account.
    const user = await withDatabase((ds) =>
      new UseCases(new TypeOrmUnitOfWork(ds, { dispatch: () => undefined }, systemClock), systemClock).execute(CreateUser, CLI, {
        email: values.email,
        name: values.name ?? values.email,
        role: values.role,
        password: values.password,
        onExisting: 'reset',
      }),
    );
    process.stdout.write(`Usuario listo / User ready: ${user.email} (${user.role})\n`);
    return 0;
  },
};
export default command;
