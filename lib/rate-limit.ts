import "server-only";
import { createHmac } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { authSecret } from "./auth/secret";
import type { Db } from "./db/client";
import { rateLimitCounters } from "./db/schema";

/**
 * Fixed-window counters kept in the database, so every app instance sees the
 * same counts. A window is identified by its start; old rows are harmless and
 * are pruned by pruneRateLimits().
 */
export type RateWindow = { bucket: string; key: string; windowSeconds: number };

function windowStart(windowSeconds: number, now: Date): Date {
  const size = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / size) * size);
}

/** Seconds until the current window closes. */
export function secondsLeftInWindow(windowSeconds: number, now = new Date()): number {
  const end = windowStart(windowSeconds, now).getTime() + windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

export async function countInWindow(db: Db, window: RateWindow, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ count: rateLimitCounters.count })
    .from(rateLimitCounters)
    .where(
      and(
        eq(rateLimitCounters.bucket, window.bucket),
        eq(rateLimitCounters.key, window.key),
        eq(rateLimitCounters.windowStart, windowStart(window.windowSeconds, now)),
      ),
    );
  return row?.count ?? 0;
}

/** Adds one to the window's count in a single atomic statement and returns the new count. */
export async function recordHit(db: Db, window: RateWindow, now = new Date()): Promise<number> {
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ bucket: window.bucket, key: window.key, windowStart: windowStart(window.windowSeconds, now), count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.bucket, rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count });
  return row!.count;
}

/**
 * Takes one from the window only if it has one left, in a single atomic
 * statement: answers false, and counts nothing, when the limit is reached.
 * For limits that must be spent only by what actually happens.
 */
export async function takeIfBelow(db: Db, window: RateWindow, limit: number, now = new Date()): Promise<boolean> {
  const rows = await db
    .insert(rateLimitCounters)
    .values({ bucket: window.bucket, key: window.key, windowStart: windowStart(window.windowSeconds, now), count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.bucket, rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
      setWhere: sql`${rateLimitCounters.count} < ${limit}`,
    })
    .returning({ count: rateLimitCounters.count });
  return rows.length > 0 && rows[0]!.count <= limit;
}

/**
 * A rate-limit key for personal data (a phone number): a keyed hash, so the
 * number itself is never stored in the counters nor printed in any error
 * about them, yet the same number always gets the same key.
 */
export function rateLimitKey(...parts: string[]): string {
  return createHmac("sha256", authSecret()).update(`rate-limit\0${parts.join("\0")}`).digest("base64url").slice(0, 32);
}

export async function pruneRateLimits(db: Db, olderThan: Date): Promise<void> {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, olderThan));
}
