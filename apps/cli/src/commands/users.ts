import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { UserEntity } from '@rueda/persistence';
import { CliCommand, CliUsageError } from '../command';
import { withDatabase } from '../database';

const HELP = 'Uso / Usage: npm run rueda -- users create --email E --password P [--name N] [--role admin|staff]\n';

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
    if (values.password.length < 8) throw new CliUsageError('--password: mínimo 8 caracteres / at least 8 characters\n');
    if (values.role !== 'admin' && values.role !== 'staff') throw new CliUsageError('--role: admin | staff\n');
    const email = values.email.toLowerCase();
    await withDatabase(async (ds) => {
      const passwordHash = await hash(values.password!);
      await ds
        .getRepository(UserEntity)
        .upsert({ email, name: values.name ?? email, role: values.role as 'admin' | 'staff', passwordHash, active: true }, ['email']);
    });
    process.stdout.write(`Usuario listo / User ready: ${email} (${values.role})\n`);
    return 0;
  },
};
export default command;
