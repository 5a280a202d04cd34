import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { drizzle as drizzlePgliteDb } from "drizzle-orm/pglite";
import type { DatabaseHandle } from "./client";
import { describeConnectionError } from "./errors";

const migrationsFolder = path.resolve(process.cwd(), "drizzle");

// Any fixed number will do; it only has to be the same on every instance.
const MIGRATION_LOCK_ID = 724_300_001;

/**
 * Applies the SQL migrations in drizzle/ that this database has not seen.
 * Running it again is a no-op. On PostgreSQL an advisory lock makes instances
 * that start together take turns instead of racing on the same migration.
 */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === "pglite") {
    await migratePglite(drizzlePgliteDb(handle.client), { migrationsFolder });
    return;
  }
  // One connection of its own, so the advisory lock and the migration share a session.
  const connection = postgres(handle.url, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    try {
      await connection`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    } catch (error) {
      throw describeConnectionError(error, handle.url);
    }
    await migratePostgres(drizzlePostgres(connection), { migrationsFolder });
    await connection`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
  } finally {
    await connection.end({ timeout: 5 });
  }
}
