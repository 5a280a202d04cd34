import { and, asc, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, pgliteFolder, selectRows, type DatabaseHandle } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { users } from "../lib/db/schema";
import { ensureDemoPage } from "../lib/pages/demo";
import { callTargets, pages, plugins } from "../lib/pages/schema";
import { ensureDemoAdmin, DEMO_ADMIN } from "../lib/users/demo";

export type BenchDatabase = { label: string; appEnv: Record<string, string>; open(): DatabaseHandle; drop(): Promise<void> };

/**
 * A database of the bench's own: a scratch database on the server
 * DATABASE_URL names (dropped afterwards), or a fresh embedded one.
 */
export async function benchDatabase(dataDir: string): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    return { label: "PGlite", appEnv: { DATA_DIR: dataDir, DATABASE_URL: "" }, open: () => openDatabase({ pgliteFolder: pgliteFolder(dataDir) }), drop: async () => {} };
  }
  const name = `patchthrough_bench_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    label: "PostgreSQL",
    appEnv: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    open: () => openDatabase({ databaseUrl: url.toString(), maxConnections: 2 }),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** A database seeded beforehand (`npm run seed:load`), for the scale bench: used as it is and kept. */
export function existingDatabase(url: string, dataDir: string): BenchDatabase {
  return { label: "PostgreSQL (seeded beforehand)", appEnv: { DATABASE_URL: url, DATA_DIR: dataDir }, open: () => openDatabase({ databaseUrl: url, maxConnections: 2 }), drop: async () => {} };
}

/** Migrates and seeds the demo page, as a new install has it; answers a target members may call. */
export async function seed(handle: DatabaseHandle): Promise<{ targetId: string }> {
  await migrateDatabase(handle);
  await ensureDemoAdmin(handle.db);
  const [admin] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ADMIN.email));
  await ensureDemoPage(handle.db, admin!.id);
  const [target] = await handle.db
    .select({ id: callTargets.id })
    .from(callTargets)
    .innerJoin(plugins, eq(plugins.id, callTargets.pluginId))
    .innerJoin(pages, eq(pages.id, plugins.pageId))
    .where(and(eq(pages.slug, "demo"), eq(callTargets.country, "GB")))
    .orderBy(asc(callTargets.position));
  // The demo page is made only in an empty database: one filled by seed:load has none, and the scale bench needs none.
  return { targetId: target?.id ?? "" };
}

/**
 * Checks the status callbacks the app answered 2xx against what it stored:
 * each must be there exactly once (`missing` and `duplicated` should be 0).
 */
export async function checkStoredEvents(handle: DatabaseHandle, answered: Set<string>): Promise<{ stored: number; missing: number; duplicated: number }> {
  const rows = await selectRows<{ key: string; copies: number | string }>(
    handle.db,
    sql`select call_sid || ':' || sequence_number as key, count(*) as copies from call_events group by call_sid, sequence_number`,
  );
  const copies = new Map(rows.map((row) => [row.key, Number(row.copies)]));
  return {
    stored: [...copies.values()].reduce((sum, count) => sum + count, 0),
    missing: [...answered].filter((key) => !copies.has(key)).length,
    duplicated: [...copies.values()].filter((count) => count > 1).length,
  };
}
