import "server-only";
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { callOutcome, latestDial, memberLegStatus, targetLegStatus, isMemberTerminal } from "../calltool/call-state";
import { calls } from "../calltool/call-schema";
import { loadCallFacts } from "../calltool/calls";
import { publishEvent } from "../integrations/service";
import { sendJob } from "../jobs";
import { log } from "../log";
import { outcomeWords } from "./words";

/**
 * Settling a call: once it has ended, its outcome, both legs' last status,
 * talk time and attempts are written on its row, so the call log filters and
 * exports them from one table and one index, and the organisation's CRM is
 * told (`call.ended`, once per call: the delivery's unique key). Settling
 * again (a duplicate callback, a recall's later attempt) rewrites the figures
 * and tells nobody twice.
 *
 * A call is settled by the `calls.settle` job, queued by the member leg's
 * final status callback, and by a sweep every minute for calls ended any
 * other way (Twilio refused, reconciliation, the 45-minute close) or whose
 * job was lost.
 */

/** A call that ended longer ago than this is settled without telling the CRM: the first sweep after an upgrade settles old calls quietly. */
export const ANNOUNCE_WITHIN_MS = 60 * 60 * 1000;

export type SettleResult = "settled" | "resettled" | "live" | "missing";

export async function settleCall(db: Db, callId: string, now = new Date()): Promise<SettleResult> {
  const found = await loadCallFacts(db, callId);
  if (!found) return "missing";
  const { call, facts, attempts } = found;
  if (!call.endedAt) return "live";
  const outcome = callOutcome(facts, now);
  const code = outcome.done ? outcome.code : "unknown";
  const settled = {
    outcome: code,
    memberStatus: memberLegStatus(facts.attempt, now),
    targetStatus: targetLegStatus(latestDial(facts.dials)),
    talkSeconds: code === "connected" ? (outcome.seconds ?? 0) : null,
    attemptCount: attempts.length,
  };
  await db.update(calls).set(settled).where(eq(calls.id, callId));
  if (call.outcome !== null) return "resettled";
  if (now.getTime() - call.endedAt.getTime() <= ANNOUNCE_WITHIN_MS) {
    const target = call.script.target;
    await publishEvent(db, {
      type: "call.ended",
      key: `call.ended:${call.id}`,
      payload: {
        call: {
          id: call.id,
          page_id: call.pageId,
          call_tool_id: call.pluginId,
          created_at: call.createdAt.toISOString(),
          ended_at: call.endedAt.toISOString(),
          outcome: code,
          outcome_text: outcomeWords({ ...outcome, code, done: true }),
          talk_seconds: settled.talkSeconds,
          member_leg: settled.memberStatus,
          target_leg: settled.targetStatus,
          attempts: settled.attemptCount,
          failure: call.failureCode || call.failureMessage ? { code: call.failureCode, message: call.failureMessage } : null,
          member: { phone: call.memberPhone, country: call.memberCountry },
          target: { id: target.id, name: target.name, phone: target.phone },
        },
      },
    });
  }
  return "settled";
}

/** Settles ended calls nobody settled yet, oldest first, at most `limit`. Answers how many. */
export async function settleEndedCalls(db: Db, limit = 500, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: calls.id })
    .from(calls)
    .where(and(isNull(calls.outcome), isNotNull(calls.endedAt)))
    .orderBy(asc(calls.endedAt))
    .limit(limit);
  for (const { id } of due) await settleCall(db, id, now);
  return due.length;
}

/**
 * After a member-leg status callback: a final status may have ended the call,
 * so its settling is queued. Never throws: the callback is stored, and the
 * sweep settles the call if the queue is out of reach.
 */
export async function afterMemberStatus(callId: string, callStatus: string): Promise<void> {
  if (!isMemberTerminal(callStatus)) return;
  await sendJob("calls.settle", { callId }).catch((error: unknown) => log.warn({ err: error, callId }, "could not queue the call's settling; the sweep will"));
}
