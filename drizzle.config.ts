import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this: it diffs lib/db/schema.ts against the
// snapshots in drizzle/meta and writes the next SQL migration. Migrations are
// applied by the app itself at start-up (see lib/db/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
