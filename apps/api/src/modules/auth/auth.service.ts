import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { DataSource, MoreThan } from 'typeorm';
import { AuthSessionEntity, ParticipantEntity, UserEntity, UserRole } from '@rueda/persistence';
import { ENV } from '@rueda/config';
import type { Env } from '@rueda/config';
import { Principal } from './principal';
import { hashToken, newToken, ORGANISER_PREFIX, PARTICIPANT_PREFIX } from './tokens';
import { DomainError } from '@rueda/domain';

const invalidLogin = () =>
  new DomainError('unauthenticated', 'invalid_credentials', { es: 'Correo o contraseña incorrectos', en: 'Wrong email or password' });

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async createUser(input: { email: string; name: string; role: UserRole; password: string }): Promise<UserEntity> {
    const passwordHash = await hash(input.password);
    const repo = this.db.getRepository(UserEntity);
    const saved = await repo.save(repo.create({ email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash }));
    delete (saved as Partial<UserEntity>).passwordHash;
    return saved;
  }

  async login(
    email: string,
    password: string,
  ): Promise<{ token: string; expiresAt: Date; user: Pick<UserEntity, 'id' | 'email' | 'name' | 'role'> }> {
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.active', { email: email.toLowerCase() })
      .getOne();
    // Verify against a dummy hash when the user is missing so timing does not reveal which emails exist.
    const ok = user ? await verify(user.passwordHash, password) : (await verify(DUMMY_HASH, password), false);
    if (!user || !ok) throw invalidLogin();
    const token = newToken(ORGANISER_PREFIX);
    const expiresAt = new Date(Date.now() + this.env.AUTH_TOKEN_TTL_HOURS * 3600_000);
    await this.db.getRepository(AuthSessionEntity).insert({ userId: user.id, tokenHash: hashToken(token), expiresAt });
    return { token, expiresAt, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  }

  async logout(token: string): Promise<void> {
    await this.db.getRepository(AuthSessionEntity).delete({ tokenHash: hashToken(token) });
  }

  /** Resolves a bearer token (organiser or participant) to who is calling, or null. */
  async resolve(token: string): Promise<Principal | null> {
    if (token.startsWith(ORGANISER_PREFIX)) {
      const s = await this.db.getRepository(AuthSessionEntity).findOne({
        where: { tokenHash: hashToken(token), expiresAt: MoreThan(new Date()) },
        relations: { user: true },
      });
      if (!s || !s.user.active) return null;
      return { type: 'user', userId: s.user.id, role: s.user.role, email: s.user.email, expiresAt: s.expiresAt };
    }
    if (token.startsWith(PARTICIPANT_PREFIX)) {
      const p = await this.db.getRepository(ParticipantEntity).findOne({
        where: { accessTokenHash: hashToken(token) },
        select: { id: true, eventId: true },
      });
      return p ? { type: 'participant', participantId: p.id, eventId: p.eventId } : null;
    }
    return null;
  }

  /** Issues a new personal access link token; the previous one stops working. */
  async issueAccessToken(participantId: string): Promise<string> {
    const token = newToken(PARTICIPANT_PREFIX);
    await this.db
      .getRepository(ParticipantEntity)
      .update({ id: participantId }, { accessTokenHash: hashToken(token), accessTokenIssuedAt: new Date() });
    return token;
  }
}

// argon2id hash of a random string, used only to spend the same time on unknown emails.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$YkMGpqMtLWESCLnf6lh3dA$VHsp/eZdxHUFgEKk+b9d9hLB0wgUYOpzEM2CESWHn9M';
