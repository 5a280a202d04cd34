// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database.
import { openConfiguredDatabase } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { runCli } from "../lib/cli";

runCli(async () => {
  const handle = openConfiguredDatabase();
  try {
    await migrateDatabase(handle);
    console.log(`Migrations applied (${handle.driver}).`);
  } finally {
    await handle.close();
  }
});
