import { z } from 'zod';
import { forbidden, hashToken, TEXT_LIMITS } from '@rueda/domain';
import { admins, allow } from '../authorization';
import { useCase } from '../use-case';

/** An organiser account: the same rules whether an admin creates it or the command line sets it up. */
export const CreateUserCommand = z
  .object({
    email: z.email().max(TEXT_LIMITS.users.email),
    name: z.string().trim().min(1).max(TEXT_LIMITS.users.name),
    role: z.enum(['admin', 'staff']),
    password: z.string().min(10).max(200),
    /**
     * An email already in use: `refuse` it (409 duplicate), or `reset` that account's name, role
     * and password and make it active again (the installation's operator only: the command line,
     * for the first admin of a fresh install or a forgotten password).
     */
    onExisting: z.enum(['refuse', 'reset']).default('refuse'),
  })
  .strict();

/** What an admin sends to create an account (resetting one is the command line's). */
export const CreateUserBody = CreateUserCommand.omit({ onExisting: true });

/**
 * An admin or staff account, created by an admin through the API or by the command line (the
 * same rules: email, role, password length).
 */
export const CreateUser = useCase({
  name: 'CreateUser',
  command: CreateUserCommand,
  authorize(p, cmd) {
    admins(p);
    if (cmd.onExisting === 'reset' && p.type !== 'system') throw forbidden();
  },
  run({ tx }, cmd) {
    const account = { email: cmd.email.toLowerCase(), name: cmd.name, role: cmd.role };
    return cmd.onExisting === 'reset' ? tx.repos.users.setUp(account, cmd.password) : tx.repos.users.create(account, cmd.password);
  },
});

/** An organiser ends its session (its sockets are dropped by the edge, which holds them). */
export const EndSession = useCase({
  name: 'EndSession',
  command: z.object({ token: z.string().min(1).max(200) }).strict(),
  authorize: (p) => allow('admin', 'staff')(p),
  async run({ tx }, cmd) {
    const tokenHash = hashToken(cmd.token);
    await tx.repos.users.endSession(tokenHash);
    return { tokenHash };
  },
});
