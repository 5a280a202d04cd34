import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "./client";
import { migrateDatabase } from "./migrate";

/**
 * A fresh, migrated database for one test file. Vitest runs every *.db.test.ts
 * twice: on in-memory PGlite, and (when TEST_DATABASE_URL is set) on a new
 * PostgreSQL database created for the file and dropped after it.
 */
export type TestDatabase = DatabaseHandle & { name: string; dispose(): Promise<void> };

export function testDriver(): "pglite" | "postgres" {
  return process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (testDriver() === "pglite") {
    const handle = openDatabase({});
    if (migrate) await migrateDatabase(handle);
    return { ...handle, name: "pglite:memory", dispose: () => handle.close() } as TestDatabase;
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
  const name = `patchthrough_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), maxConnections: 5 });
  if (migrate) await migrateDatabase(handle);
  return {
    ...handle,
    name,
    dispose: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  } as TestDatabase;
}
