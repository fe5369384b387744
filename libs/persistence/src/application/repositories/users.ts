import type { EntityManager } from 'typeorm';
import { hash } from '@node-rs/argon2';
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

  async endSession(tokenHash: string) {
    await this.m.getRepository(AuthSessionEntity).delete({ tokenHash });
  }
}
