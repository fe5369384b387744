import type { DataSource, EntityManager } from 'typeorm';

/**
 * A secret of this installation (see the install_secrets migration): made by `make` the first
 * time any process asks for it, then the same for every API node and the worker. When two ask
 * at once, the first insert wins and both read it back.
 */
export async function installSecret(db: DataSource | EntityManager, name: string, make: () => string): Promise<string> {
  await db.query(`INSERT INTO install_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, make()]);
  const [row] = (await db.query(`SELECT value FROM install_secrets WHERE name = $1`, [name])) as { value: string }[];
  return row.value;
}
