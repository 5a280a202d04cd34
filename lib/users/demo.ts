import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { verifyPassword } from "../auth/password";
import { countUsers, createUser } from "./service";

import { DEMO_ADMIN } from "./demo-credentials";

export { DEMO_ADMIN };

/**
 * Creates the demo admin on an empty database. Its password is published, so
 * the account must choose a new one at its first sign-in; that holds for a
 * database made before this rule too. Answers whether it still signs in with
 * the demo password.
 */
export async function ensureDemoAdmin(db: Db): Promise<boolean> {
  if ((await countUsers(db)) === 0) {
    await createUser(db, { ...DEMO_ADMIN, role: "admin", mustChangePassword: true });
    return true;
  }
  const [admin] = await db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, DEMO_ADMIN.email));
  if (!admin || !(await verifyPassword(admin.passwordHash, DEMO_ADMIN.password))) return false;
  await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, admin.id));
  return true;
}
