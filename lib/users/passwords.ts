import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { passwordResets, users, type User } from "../db/schema";
import { FieldError, FormError } from "../errors";
import { hashPassword, verifyPassword } from "../auth/password";
import { hashToken, newToken } from "./tokens";

/** A reset link is for handing over now (by chat, by phone), not for keeping. */
const RESET_HOURS = 24;

/** The new password, and the end of every other session of that account (its session version moves on). */
async function setPassword(db: Db, userId: string, password: string): Promise<User> {
  const [user] = await db
    .update(users)
    .set({ passwordHash: await hashPassword(password), mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning();
  if (!user) throw new FormError("This account no longer exists.");
  return user;
}

/** A signed-in person changes their own password, proving they know the current one. */
export async function changePassword(db: Db, input: { userId: string; currentPassword: string; newPassword: string }): Promise<User> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, input.userId));
  if (!user) throw new FormError("This account no longer exists.");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new FieldError("currentPassword", "That isn't your current password");
  if (input.newPassword === input.currentPassword) throw new FieldError("password", "Choose a password different from the current one");
  return setPassword(db, input.userId, input.newPassword);
}

/** A one-time link for `userId` to choose a new password. It replaces any link issued before. */
export async function issuePasswordReset(db: Db, input: { userId: string; createdBy: string }): Promise<{ token: string; email: string }> {
  const token = newToken();
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, input.userId));
    if (!user) throw new FormError("That user no longer exists.");
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, input.userId), isNull(passwordResets.usedAt)));
    await tx.insert(passwordResets).values({
      userId: input.userId,
      tokenHash: hashToken(token),
      createdBy: input.createdBy,
      expiresAt: new Date(Date.now() + RESET_HOURS * 3600 * 1000),
    });
    return { token, email: user.email };
  });
}

export type ResetLookup = { ok: true; email: string } | { ok: false; problem: string };

export async function findPasswordReset(db: Db, token: string, now = new Date()): Promise<ResetLookup> {
  const [row] = await db
    .select({ usedAt: passwordResets.usedAt, expiresAt: passwordResets.expiresAt, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)));
  if (!row) return { ok: false, problem: "This link is not valid: an admin may have issued a newer one. Ask them for a new link." };
  if (row.usedAt) return { ok: false, problem: "This link has already been used. Sign in with your new password." };
  if (row.expiresAt <= now) return { ok: false, problem: "This link has expired. Ask your admin for a new one." };
  return { ok: true, email: row.email };
}

/** Uses a reset link, once: the first request to claim it sets the password, any other finds it used. */
export async function resetPassword(db: Db, input: { token: string; password: string }): Promise<User> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, hashToken(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning({ userId: passwordResets.userId });
    if (!claimed) {
      const lookup = await findPasswordReset(tx as unknown as Db, input.token);
      throw new FormError(lookup.ok ? "This link could not be used." : lookup.problem);
    }
    return setPassword(tx as unknown as Db, claimed.userId, input.password);
  });
}
