import "server-only";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { invitations, users, type Invitation, type User } from "../db/schema";
import { FieldError, FormError, isUniqueViolation } from "../errors";
import { hashPassword } from "../auth/password";
import type { Role } from "../auth/roles";
import { hashToken, newToken } from "./tokens";

const INVITATION_DAYS = 7;

export async function createUser(db: Db, input: { email: string; password: string; role: Role; name?: string; mustChangePassword?: boolean }): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  try {
    const [user] = await db
      .insert(users)
      .values({ email: input.email.toLowerCase(), passwordHash, role: input.role, name: input.name ?? "", mustChangePassword: input.mustChangePassword ?? false })
      .returning();
    return user!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new FieldError("email", "This email address already has an account");
    throw error;
  }
}

export function listUsers(db: Db) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabledAt: users.disabledAt, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.email));
}

export function listOpenInvitations(db: Db, now = new Date()) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .orderBy(asc(invitations.email));
}

/**
 * Creates an invitation and returns its one-time token (only its hash is
 * stored). Inviting an address again replaces its open invitation, so the
 * newest link is the one that works.
 */
export async function inviteUser(db: Db, input: { email: string; role: Role; invitedBy: string }): Promise<{ token: string; invitation: Invitation }> {
  const token = newToken();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw new FieldError("email", "This email address already has an account");
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const [invitation] = await tx
      .insert(invitations)
      .values({
        email: input.email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: input.invitedBy,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
      })
      .returning();
    return { token, invitation: invitation! };
  });
}

export type InvitationLookup = { ok: true; invitation: Invitation } | { ok: false; problem: string };

export async function findInvitation(db: Db, token: string, now = new Date()): Promise<InvitationLookup> {
  const [invitation] = await db.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token)));
  if (!invitation) return { ok: false, problem: "This invitation link is not valid. Ask your admin for a new one." };
  if (invitation.acceptedAt) return { ok: false, problem: "This invitation has already been used. Sign in instead." };
  if (invitation.revokedAt) return { ok: false, problem: "This invitation was withdrawn. Ask your admin for a new one." };
  if (invitation.expiresAt <= now) return { ok: false, problem: "This invitation has expired. Ask your admin for a new one." };
  return { ok: true, invitation };
}

/** Turns an invitation into an account, once: a second use of the link finds it accepted. */
export async function acceptInvitation(db: Db, input: { token: string; name: string; password: string }): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(invitations.tokenHash, hashToken(input.token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!claimed) {
      const lookup = await findInvitation(tx as unknown as Db, input.token);
      throw new FormError(lookup.ok ? "This invitation could not be used." : lookup.problem);
    }
    try {
      const [user] = await tx.insert(users).values({ email: claimed.email, name: input.name, passwordHash, role: claimed.role }).returning();
      return user!;
    } catch (error) {
      if (isUniqueViolation(error)) throw new FormError("This email address already has an account. Sign in instead.");
      throw error;
    }
  });
}

export async function revokeInvitation(db: Db, id: string): Promise<void> {
  await db.update(invitations).set({ revokedAt: new Date() }).where(and(eq(invitations.id, id), isNull(invitations.acceptedAt)));
}

// An admin may not change their own role or disable themselves: it is the
// simplest rule that guarantees the organisation always keeps an admin.
function refuseSelf(actorId: string, userId: string, what: string) {
  if (actorId === userId) throw new FormError(`You cannot ${what} your own account. Ask another admin.`);
}

export async function changeRole(db: Db, input: { actorId: string; userId: string; role: Role }): Promise<void> {
  refuseSelf(input.actorId, input.userId, "change the role of");
  const updated = await db.update(users).set({ role: input.role }).where(eq(users.id, input.userId)).returning({ id: users.id });
  if (updated.length === 0) throw new FormError("That user no longer exists.");
}

export async function setDisabled(db: Db, input: { actorId: string; userId: string; disabled: boolean }): Promise<void> {
  refuseSelf(input.actorId, input.userId, input.disabled ? "disable" : "enable");
  const updated = await db
    .update(users)
    .set({ disabledAt: input.disabled ? sql`now()` : null })
    .where(eq(users.id, input.userId))
    .returning({ id: users.id });
  if (updated.length === 0) throw new FormError("That user no longer exists.");
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

/** The role of the account with this (normalised) email, if there is one. */
export async function roleOf(db: Db, email: string): Promise<Role | undefined> {
  const [user] = await db.select({ role: users.role }).from(users).where(eq(users.email, email));
  return user?.role;
}
