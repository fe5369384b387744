import type { UserRole } from '../principal';

/** An organiser account as it is shown (never its password hash). */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
  createdAt: Date;
}

/** Organiser accounts. Passwords go in and are kept only as their hash (the storage's concern). */
export interface UserRepository {
  /** A new account; an email already taken is refused by the database (409 duplicate). */
  create(user: { email: string; name: string; role: UserRole }, password: string): Promise<UserRecord>;
  /** Creates the account or resets its name, role and password and makes it active again. */
  setUp(user: { email: string; name: string; role: UserRole }, password: string): Promise<UserRecord>;
  /**
   * The active account with this email when the password is its own, else null; as slow for an
   * unknown email as for a wrong password (timing does not tell which emails exist).
   */
  verify(email: string, password: string): Promise<UserRecord | null>;
  /** Whether the account is still active, its row share-locked until commit (a deactivation waits). */
  stillActive(userId: string): Promise<boolean>;
  /** A session of the account, kept by its token's hash until it expires. */
  startSession(userId: string, tokenHash: string, expiresAt: Date): Promise<void>;
  /** Ends one session (by its token's hash). */
  endSession(tokenHash: string): Promise<void>;
}
