import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { pages } from "../pages/schema";
import { callOutcome, describeOutcome, latestDial, memberLegStatus, targetLegStatus } from "./call-state";
import { callAttempts, calls, targetDials } from "./call-schema";
import { latestAttempt, toFacts } from "./calls";

/** Recent calls as campaigners read them: who called whom, and how it went. Three queries. */
export async function recentCalls(db: Db, limit = 100) {
  const rows = await db
    .select({ call: calls, pageTitle: pages.title })
    .from(calls)
    .leftJoin(pages, eq(pages.id, calls.pageId))
    .orderBy(desc(calls.createdAt))
    .limit(limit);
  const ids = rows.map((row) => row.call.id);
  const [attempts, dials] = ids.length
    ? await Promise.all([db.select().from(callAttempts).where(inArray(callAttempts.callId, ids)), db.select().from(targetDials).where(inArray(targetDials.callId, ids))])
    : [[], []];
  return rows.map(({ call, pageTitle }) => {
    const facts = toFacts(call, latestAttempt(attempts.filter((attempt) => attempt.callId === call.id)), dials.filter((dial) => dial.callId === call.id));
    return {
      id: call.id,
      createdAt: call.createdAt,
      pageTitle: pageTitle ?? "(deleted page)",
      targetName: call.script.target.name,
      memberPhone: call.memberPhone,
      status: call.status,
      memberStatus: memberLegStatus(facts.attempt),
      targetStatus: targetLegStatus(latestDial(facts.dials)),
      // With recalls: which call it was ("call 2 of 3"), and whether the member stopped them.
      outcome: describeOutcome(callOutcome(facts)) + (call.recallsStoppedAt ? "; member asked not to be called again" : ""),
    };
  });
}
