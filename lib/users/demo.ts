import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { verifyPassword } from "../auth/password";
import { countUsers, createUser } from "./service";

import { DEMO_ADMIN } from "./demo-credentials";

export { DEMO_ADMIN };

/** Creates the demo admin on an empty database. Answers whether it still signs in with the demo password. */
export async function ensureDemoAdmin(db: Db): Promise<boolean> {
  if ((await countUsers(db)) === 0) {
    await createUser(db, { ...DEMO_ADMIN, role: "admin" });
    return true;
  }
  const [admin] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, DEMO_ADMIN.email));
  return !!admin && (await verifyPassword(admin.passwordHash, DEMO_ADMIN.password));
}
