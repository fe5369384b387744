import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createDataSource } from '@rueda/persistence';
import { CliUsageError } from './command';

/** Opens the database named by DATABASE_URL (the commands that need one). */
export async function openDatabase(): Promise<DataSource> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new CliUsageError('Falta DATABASE_URL / DATABASE_URL is missing (postgres://user:pass@host:5432/db)');
  const ds = createDataSource(url);
  await ds.initialize();
  return ds;
}

export async function withDatabase<T>(fn: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = await openDatabase();
  try {
    return await fn(ds);
  } finally {
    await ds.destroy();
  }
}
