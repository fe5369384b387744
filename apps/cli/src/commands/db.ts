import { CliCommand, CliUsageError } from '../command';
import { withDatabase } from '../database';

const HELP = `Uso / Usage: npm run rueda -- db <migrate|revert|status>
  migrate  aplica las migraciones pendientes / applies pending migrations
  revert   deshace la última migración / undoes the last migration
  status   lista las migraciones pendientes / lists pending migrations
`;

const command: CliCommand = {
  description: 'Migraciones de la base de datos / Database migrations',
  async run([sub]) {
    if (!sub || !['migrate', 'revert', 'status'].includes(sub)) throw new CliUsageError(HELP);
    return withDatabase(async (ds) => {
      if (sub === 'migrate') {
        const done = await ds.runMigrations({ transaction: 'each' });
        process.stdout.write(
          done.length ? done.map((m) => `aplicada / applied: ${m.name}\n`).join('') : 'Base de datos al día / Database up to date\n',
        );
      } else if (sub === 'revert') {
        await ds.undoLastMigration({ transaction: 'each' });
        process.stdout.write('Última migración deshecha / Last migration reverted\n');
      } else {
        const pending = await ds.showMigrations();
        process.stdout.write(
          pending ? 'Hay migraciones pendientes / Pending migrations\n' : 'Base de datos al día / Database up to date\n',
        );
        return pending ? 3 : 0;
      }
      return 0;
    });
  },
};
export default command;
