import type { EntityManager } from 'typeorm';
import { hash, verify } from '@node-rs/argon2';
import type { UserRecord, UserRepository } from '@rueda/application';
import type { UserRole } from '../../entities';
import { AuthSessionEntity, UserEntity } from '../../entities';

const shown = (u: UserEntity): UserRecord => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.active,
  createdAt: u.createdAt,
});

export class TypeOrmUserRepository implements UserRepository {
  constructor(private readonly m: EntityManager) {}

  async create(user: { email: string; name: string; role: UserRole }, password: string) {
    const repo = this.m.getRepository(UserEntity);
    return shown(await repo.save(repo.create({ ...user, passwordHash: await hash(password) })));
  }

  async setUp(user: { email: string; name: string; role: UserRole }, password: string) {
    const repo = this.m.getRepository(UserEntity);
    await repo.upsert({ ...user, passwordHash: await hash(password), active: true }, ['email']);
    return shown(await repo.findOneByOrFail({ email: user.email }));
  }

  async verify(email: string, password: string) {
    const user = await this.m
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.active', { email })
      .getOne();
    // Verify against a dummy hash when the user is missing so timing does not reveal which emails exist.
    const ok = user ? await verify(user.passwordHash, password) : (await verify(DUMMY_HASH, password), false);
    return user && ok ? shown(user) : null;
  }

  async stillActive(userId: string) {
    const [row] = await this.m.query(`SELECT 1 FROM users WHERE id = $1 AND active FOR SHARE`, [userId]);
    return row !== undefined;
  }

  async startSession(userId: string, tokenHash: string, expiresAt: Date) {
    await this.m.getRepository(AuthSessionEntity).insert({ userId, tokenHash, expiresAt });
  }

  async endSession(tokenHash: string) {
    await this.m.getRepository(AuthSessionEntity).delete({ tokenHash });
  }
}

// argon2id hash of a random string, used only to spend the same time on unknown emails.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$YkMGpqMtLWESCLnf6lh3dA$VHsp/eZdxHUFgEKk+b9d9hLB0wgUYOpzEM2CESWHn9M';
