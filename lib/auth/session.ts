import "server-only";
import { eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import { users } from "../db/schema";
import { auth } from "./index";
import type { Role } from "./roles";

export type SessionUser = { id: string; email: string; name: string; role: Role };
export type SessionAccount = SessionUser & { mustChangePassword: boolean };

export const CHANGE_PASSWORD_PATH = "/account/password";

/**
 * The account the session cookie names, as the database knows it now, once
 * per request. The cookie only says who signed in; the role, the disabled
 * flag and the session version are read fresh, so a demotion, a disabled
 * account or a password change takes effect on the next request.
 */
export const sessionAccount = cache(async (): Promise<SessionAccount | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const [user] = await db()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!user || user.disabledAt || user.sessionVersion !== (session.user.sessionVersion ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, mustChangePassword: user.mustChangePassword };
});

/**
 * The signed-in user, for every check of who may do what. An account that
 * must first choose a new password (the demo admin) is nobody here: every
 * route, page and action that asks treats it as signed out, so nothing but
 * the change-password page is reachable.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const account = await sessionAccount();
  if (!account || account.mustChangePassword) return null;
  return { id: account.id, email: account.email, name: account.name, role: account.role };
});

/** For pages and layouts: signed out goes to sign-in, a password still to change to its page, the wrong role gets the 403 page. */
export async function requireRole(roles: readonly Role[]): Promise<SessionUser> {
  const account = await sessionAccount();
  if (!account) redirect("/signin");
  if (account.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  if (!roles.includes(account.role)) forbidden();
  return account;
}

/** For the change-password page: any signed-in account, including one that must change its password. */
export async function requireAccount(): Promise<SessionAccount> {
  const account = await sessionAccount();
  if (!account) redirect(`/signin?callbackUrl=${encodeURIComponent(CHANGE_PASSWORD_PATH)}`);
  return account;
}
