import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { getEnv, type Env } from "../env";
import { lockPgliteFolder } from "./pglite-lock";
import * as schema from "./schema";

/** The one database type every query is written against, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle =
  | { driver: "pglite"; db: Db; client: PGlite; close(): Promise<void> }
  | { driver: "postgres"; db: Db; client: postgres.Sql; url: string; close(): Promise<void> };

export type DatabaseOptions = {
  /** PostgreSQL when set; the embedded PGlite otherwise. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; omit for an in-memory database (tests). */
  pgliteFolder?: string;
  maxConnections?: number;
};

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      // Fail fast when the database is unreachable, so a webhook answers 503 (and Twilio retries) well within its 15 s.
      connect_timeout: 4,
      // After the database comes back, be connected again within a second or two (postgres.js's own backoff reaches 20 s).
      backoff: (retries: number) => Math.min(0.1 * 2 ** retries, 1.5),
      onnotice: () => {},
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return { driver: "postgres", db, client, url: options.databaseUrl, close: () => client.end({ timeout: 5 }) };
  }
  const release = options.pgliteFolder ? lockPgliteFolder(options.pgliteFolder) : () => {};
  const client = new PGlite(options.pgliteFolder);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    driver: "pglite",
    db,
    client,
    close: async () => {
      await client.close();
      release();
    },
  };
}

export function pgliteFolder(dataDir: string): string {
  return path.resolve(dataDir, "pglite");
}

// One handle per process. Next.js may load this module into several bundles
// (instrumentation, routes, proxy), and dev reloads re-evaluate it; the handle
// and its folder lock must survive both.
const globalForDb = globalThis as unknown as { patchthroughDb?: DatabaseHandle };

/** Opens the database the configuration names: PostgreSQL with DATABASE_URL, else the embedded one. */
export function openConfiguredDatabase(env: Env = getEnv()): DatabaseHandle {
  return openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { pgliteFolder: pgliteFolder(env.DATA_DIR) });
}

export function database(): DatabaseHandle {
  globalForDb.patchthroughDb ??= openConfiguredDatabase();
  return globalForDb.patchthroughDb;
}

/** For integration tests that run the app's route handlers on a test database. */
export function setDatabaseForTests(handle: DatabaseHandle): void {
  globalForDb.patchthroughDb = handle;
}

/** The app's database. Opened on first use, never at import, so `next build` never touches it. */
export function db(): Db {
  return database().db;
}

/**
 * Runs raw SQL and returns its rows. postgres.js answers with an array and
 * PGlite with `{ rows }`; this is the one place that knows.
 */
export async function selectRows<Row>(database: Db, query: SQL): Promise<Row[]> {
  const result = (await database.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}
