import "server-only";
import { eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import { users } from "../db/schema";
import { auth } from "./index";
import type { Role } from "./roles";

export type SessionUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user as the database knows them now, once per request. The
 * cookie only says who signed in; the role and disabled flag are read fresh,
 * so a demotion or a disabled account takes effect on the next request.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [user] = await db()
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, id));
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages and layouts: signed out goes to sign-in, the wrong role gets the 403 page. */
export async function requireRole(roles: readonly Role[]): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (!roles.includes(user.role)) forbidden();
  return user;
}
