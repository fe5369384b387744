import { TEXT_LIMITS } from '@rueda/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';

export type UserRole = 'admin' | 'staff';

/** An organiser account. */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index({ unique: true }) @Column({ type: 'varchar', length: TEXT_LIMITS.users.email }) email: string;
  @Column({ type: 'varchar', length: TEXT_LIMITS.users.name }) name: string;
  @Column({ type: 'varchar', length: 8 }) role: UserRole;
  @Column({ type: 'varchar', length: 200, select: false }) passwordHash: string;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/** An opaque bearer token of an organiser; only its sha256 is stored, so a leak of the table grants nothing. */
@Entity('auth_sessions')
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user: Relation<UserEntity>;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) tokenHash: string;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
