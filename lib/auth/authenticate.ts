import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users, type User } from "../db/schema";
import { countInWindow, recordHit, secondsLeftInWindow, type RateWindow } from "../rate-limit";
import { signInSchema } from "../zod/user";
import { spendVerificationTime, verifyPassword } from "./password";

/** Ten wrong passwords from one address in 15 minutes, then that address waits for the window to close. */
export const SIGN_IN_FAILURE_LIMIT = 10;
const FAILURE_WINDOW_SECONDS = 15 * 60;

const failuresFrom = (ip: string): RateWindow => ({ bucket: "sign-in-failures", key: ip, windowSeconds: FAILURE_WINDOW_SECONDS });

export type AuthenticationResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * The whole sign-in decision. Unknown email, wrong password and a disabled
 * account all answer "invalid", so the answer never says who has an account.
 */
export async function authenticate(db: Db, input: { email: unknown; password: unknown; ip: string }): Promise<AuthenticationResult> {
  const now = new Date();
  if ((await countInWindow(db, failuresFrom(input.ip), now)) >= SIGN_IN_FAILURE_LIMIT) {
    return { ok: false, reason: "throttled", retryAfterSeconds: secondsLeftInWindow(FAILURE_WINDOW_SECONDS, now) };
  }
  const parsed = signInSchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) return { ok: false, reason: "invalid" };

  const [user] = await db.select().from(users).where(eq(users.email, parsed.data.email));
  let valid = false;
  if (user) valid = (await verifyPassword(user.passwordHash, parsed.data.password)) && !user.disabledAt;
  else await spendVerificationTime(parsed.data.password);

  if (valid && user) return { ok: true, user };
  await recordHit(db, failuresFrom(input.ip), now);
  return { ok: false, reason: "invalid" };
}

export async function signInRetryAfterSeconds(db: Db, ip: string): Promise<number | null> {
  const now = new Date();
  const failures = await countInWindow(db, failuresFrom(ip), now);
  return failures >= SIGN_IN_FAILURE_LIMIT ? secondsLeftInWindow(FAILURE_WINDOW_SECONDS, now) : null;
}
