import PgBoss from "pg-boss";
import type { DatabaseHandle } from "../db/client";

/**
 * A pg-boss instance on the app's database. On PostgreSQL pg-boss keeps its
 * own small pool (its commands open transactions with BEGIN … COMMIT in one
 * multi-statement query, which postgres.js refuses on a shared pool). On the
 * embedded PGlite it goes through the one PGlite client: `exec` runs the
 * multi-statement commands, `query` the parameterised ones.
 */
export function openJobQueue(handle: DatabaseHandle, options: { pollSeconds?: number } = {}): PgBoss {
  const common: PgBoss.ConstructorOptions = {
    schema: "pgboss",
    // Maintenance and the cron clock are shared through the database: any instance may run them.
    supervise: true,
    schedule: true,
    migrate: true,
    pollingIntervalSeconds: options.pollSeconds ?? 2,
    // Keep finished jobs a week for the record, then drop them.
    deleteAfterDays: 7,
  };
  if (handle.driver === "postgres") return new PgBoss({ ...common, connectionString: handle.url, max: 3, application_name: "patchthrough-jobs" });
  const client = handle.client;
  return new PgBoss({
    ...common,
    db: {
      async executeSql(text: string, values?: unknown[]) {
        if (values && values.length > 0) return client.query(text, values);
        const results = await client.exec(text);
        return results.at(-1) ?? { rows: [] };
      },
    },
  });
}
