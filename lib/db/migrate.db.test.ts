import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterEach, describe, expect, it } from "vitest";
import { selectRows } from "./client";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";
import { createTestDatabase, testDriver, type TestDatabase } from "./testing";

async function schemaFingerprint(database: TestDatabase) {
  const columns = await selectRows<{ table_name: string; column_name: string; data_type: string }>(database.db, sql`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = 'public' order by table_name, column_name`);
  const indexes = await selectRows<{ indexname: string }>(
    database.db,
    sql`select indexname from pg_indexes where schemaname = 'public' order by indexname`,
  );
  const applied = await selectRows<{ n: number }>(database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return { columns, indexes, applied };
}

describe(`migrations on ${testDriver()}`, () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it("apply cleanly to an empty database", async () => {
    database = await createTestDatabase({ migrate: false });
    await migrateDatabase(database);
    const fingerprint = await schemaFingerprint(database);
    const tables = new Set(fingerprint.columns.map((c) => c.table_name));
    // Exactly the tables the schema declares: no table missing from drizzle/, none left over.
    const declared = Object.values(schema).filter((value) => is(value, PgTable)).map((table) => getTableName(table as PgTable));
    expect([...tables].sort()).toEqual(declared.sort());
    expect(declared).toContain("users");
    expect(fingerprint.indexes.map((i) => i.indexname)).toContain("users_email_key");
  });

  it("change nothing when applied a second time", async () => {
    database = await createTestDatabase({ migrate: false });
    await migrateDatabase(database);
    const first = await schemaFingerprint(database);
    await migrateDatabase(database);
    expect(await schemaFingerprint(database)).toEqual(first);
  });
});
