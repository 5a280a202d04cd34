import "server-only";
import { inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { callOutcome } from "../calltool/call-state";
import { callAttempts, targetDials, type Call } from "../calltool/call-schema";
import { toFacts } from "../calltool/calls";
import { outcomeWords, storedOutcomeWords } from "./words";
import type { CallLogRow } from "./query";

export type ShownRow = CallLogRow & { outcomeWords: string; attempts: number; live: boolean };

/**
 * The outcome of each row in words. Settled calls carry theirs; the few
 * still live (or ended a moment ago, not yet settled) are worked out from
 * their attempts and dials, two queries for the whole page.
 */
export async function withOutcomes(db: Db, rows: CallLogRow[], now = new Date()): Promise<ShownRow[]> {
  const pending = rows.filter((row) => row.outcome === null).map((row) => row.id);
  const [attempts, dials] = pending.length
    ? await Promise.all([db.select().from(callAttempts).where(inArray(callAttempts.callId, pending)), db.select().from(targetDials).where(inArray(targetDials.callId, pending))])
    : [[], []];
  return rows.map((row) => {
    if (row.outcome !== null) return { ...row, outcomeWords: storedOutcomeWords(row), attempts: row.attemptCount ?? 1, live: false };
    const mine = attempts.filter((attempt) => attempt.callId === row.id).sort((a, b) => b.attempt - a.attempt);
    const outcome = callOutcome(toFacts(row as unknown as Call, mine[0] ?? null, dials.filter((dial) => dial.callId === row.id)), now);
    return { ...row, outcomeWords: outcomeWords(outcome), attempts: mine.length, live: true };
  });
}
