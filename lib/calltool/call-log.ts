import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { pages } from "../pages/schema";
import { callOutcome, describeOutcome, memberLegStatus, targetLegStatus } from "./call-state";
import { callEvents, calls } from "./call-schema";

/** Recent calls as campaigners read them: who called whom, and how it went. Two queries. */
export async function recentCalls(db: Db, limit = 100) {
  const rows = await db
    .select({ call: calls, pageTitle: pages.title })
    .from(calls)
    .leftJoin(pages, eq(pages.id, calls.pageId))
    .orderBy(desc(calls.createdAt))
    .limit(limit);
  const events = rows.length
    ? await db
        .select({ callId: callEvents.callId, sequenceNumber: callEvents.sequenceNumber, callStatus: callEvents.callStatus })
        .from(callEvents)
        .where(inArray(callEvents.callId, rows.map((row) => row.call.id)))
    : [];
  return rows.map(({ call, pageTitle }) => {
    const member = memberLegStatus(events.filter((event) => event.callId === call.id), call.createdAt);
    return {
      id: call.id,
      createdAt: call.createdAt,
      pageTitle: pageTitle ?? "(deleted page)",
      targetName: call.script.target.name,
      memberPhone: call.memberPhone,
      status: call.status,
      memberStatus: member,
      targetStatus: targetLegStatus(call.targetCallInfo),
      outcome: describeOutcome(callOutcome(call, member)),
    };
  });
}
