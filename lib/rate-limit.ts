import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
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
  return (await recordHits(db, [window], now))[0]!;
}

/**
 * Adds one to each window's count in one statement (one round trip however
 * many limits a request meets) and returns the new counts in the windows'
 * order. The windows must be distinct.
 */
export async function recordHits(db: Db, windows: RateWindow[], now = new Date()): Promise<number[]> {
  const rows = await db
    .insert(rateLimitCounters)
    .values(windows.map((window) => ({ bucket: window.bucket, key: window.key, windowStart: windowStart(window.windowSeconds, now), count: 1 })))
    .onConflictDoUpdate({
      target: [rateLimitCounters.bucket, rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ bucket: rateLimitCounters.bucket, key: rateLimitCounters.key, count: rateLimitCounters.count });
  // RETURNING's order is not VALUES' order.
  return windows.map((window) => rows.find((row) => row.bucket === window.bucket && row.key === window.key)!.count);
}

export async function pruneRateLimits(db: Db, olderThan: Date): Promise<void> {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, olderThan));
}
