import { z } from 'zod';
import { DomainError, hashToken, newToken, ORGANISER_PREFIX } from '@rueda/domain';
import { anyone, itself } from '../authorization';
import { useCase } from '../use-case';

/** What an organiser signs in with (extra fields are dropped, as the login form always did). */
export const StartSessionCommand = z.object({ email: z.email(), password: z.string().min(1).max(200) });

const invalidLogin = () =>
  new DomainError('unauthenticated', 'invalid_credentials', { es: 'Correo o contraseña incorrectos', en: 'Wrong email or password' });

/**
 * An organiser signs in: a wrong email or password is one refusal (which of the two is not
 * told); a right one starts a session of `ttlHours` from the use case's instant and returns its
 * token, which is kept only as its hash.
 *
 * The password is checked before the transaction opens (a deliberately slow argon2 hash: inside
 * it, every sign-in held a pooled connection for the whole hash, and a burst of them starved the
 * pool); the transaction only re-checks that the account is still active and writes the session.
 */
export const startSession = (opts: { ttlHours: number }) =>
  useCase({
    name: 'StartSession',
    command: StartSessionCommand,
    authorize: anyone,
    prepare: ({ repos }, { email, password }) => repos.users.verify(email.toLowerCase(), password),
    async run({ tx, now, prepared: user }) {
      if (!user || !(await tx.repos.users.stillActive(user.id))) throw invalidLogin();
      const token = newToken(ORGANISER_PREFIX);
      const expiresAt = new Date(now.getTime() + opts.ttlHours * 3600_000);
      await tx.repos.users.startSession(user.id, hashToken(token), expiresAt);
      return { token, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
    },
  });

/**
 * A participant's link was used: "opened" (the first use) and "last seen" on the invitations
 * page. The edge records it at most once a minute per participant and process.
 */
export const RecordLinkSeen = useCase({
  name: 'RecordLinkSeen',
  command: z.object({ eventId: z.uuid(), participantId: z.uuid() }).strict(),
  authorize: itself,
  async run({ tx, now }, { participantId }) {
    await tx.repos.accessLinks.touch(participantId, now);
  },
});
