// npm run seed:load — fills the PostgreSQL database DATABASE_URL names with a
// million member calls over 90 days (SEED_CALLS to change it), for the
// statistics, the call log and the export at scale. See bench/load-seed.ts.
import { seedLoad } from "../bench/load-seed";
import { openDatabase } from "../lib/db/client";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the PostgreSQL database to fill (the load seed is for PostgreSQL, not the embedded database).");
  const calls = Number(process.env.SEED_CALLS ?? 1_000_000);
  if (!Number.isInteger(calls) || calls < 1) throw new Error("SEED_CALLS must be a whole number of calls");
  const handle = openDatabase({ databaseUrl: url, maxConnections: 2 });
  try {
    const result = await seedLoad(handle, { calls, log: (line) => console.log(line) });
    console.log(`Seeded ${result.calls.toLocaleString("en-GB")} calls in ${result.seconds} s.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
