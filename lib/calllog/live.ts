import "server-only";
import { inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { callOutcome } from "../calltool/call-state";
import { callAttempts, calls, targetDials, type Call } from "../calltool/call-schema";
import { latestAttempt, toFacts } from "../calltool/calls";
import { outcomeWords, storedOutcomeWords } from "./words";
import type { CallLogRow } from "./query";

export type ShownRow = CallLogRow & { outcomeWords: string; attempts: number; live: boolean };

/**
 * The outcome of each row in words. Settled calls carry theirs; the few
 * still live (or ended a moment ago, not yet settled) are worked out from
 * their script (recall policy, targets), attempts and dials: three queries
 * for the whole page.
 */
export async function withOutcomes(db: Db, rows: CallLogRow[], now = new Date()): Promise<ShownRow[]> {
  const pending = rows.filter((row) => row.outcome === null).map((row) => row.id);
  const [scripts, attempts, dials] = pending.length
    ? await Promise.all([
        db.select({ id: calls.id, script: calls.script }).from(calls).where(inArray(calls.id, pending)),
        db.select().from(callAttempts).where(inArray(callAttempts.callId, pending)),
        db.select().from(targetDials).where(inArray(targetDials.callId, pending)),
      ])
    : [[], [], []];
  return rows.map((row) => {
    if (row.outcome !== null) return { ...row, outcomeWords: storedOutcomeWords(row), attempts: row.attemptCount ?? 1, live: false };
    const mine = attempts.filter((attempt) => attempt.callId === row.id);
    const script = scripts.find((call) => call.id === row.id)?.script;
    if (!script) return { ...row, outcomeWords: "", attempts: mine.length, live: false }; // deleted since the page's query
    const outcome = callOutcome(toFacts({ ...row, script } as unknown as Call, latestAttempt(mine), dials.filter((dial) => dial.callId === row.id)), now);
    return { ...row, outcomeWords: outcomeWords(outcome), attempts: mine.length, live: true };
  });
}
