// npm run user:create -- --email ada@example.org --password '…' --role admin [--name 'Ada']
import { parseArgs } from "node:util";
import { runCli } from "../lib/cli";
import { openConfiguredDatabase } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { FormError } from "../lib/errors";
import { createUser } from "../lib/users/service";
import { fieldErrorsOf } from "../lib/zod/errors";
import { createUserSchema } from "../lib/zod/user";

runCli(async () => {
  const { values } = parseArgs({
    options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  });
  const parsed = createUserSchema.safeParse(values);
  if (!parsed.success) {
    const problems = Object.entries(fieldErrorsOf(parsed.error)).map(([field, message]) => `--${field}: ${message}`);
    throw new FormError(problems.join("; "));
  }
  const handle = openConfiguredDatabase();
  try {
    await migrateDatabase(handle);
    const user = await createUser(handle.db, parsed.data);
    console.log(`Created ${user.role} ${user.email}.`);
  } finally {
    await handle.close();
  }
});
