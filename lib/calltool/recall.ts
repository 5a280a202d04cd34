import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { selectRows, type Db } from "../db/client";
import { sendJob } from "../jobs";
import { log } from "../log";
import { MINUTES_PER_DAY, type Window } from "../recall/hours";
import { nextAttempt, type AttemptOutcome, type RecallDecision } from "../recall/policy";
import { guessTimeZones } from "../recall/time-zone";
import { reserveSlot } from "../telephony/pacing";
import { isMachine } from "./call-state";
import { callAttempts, calls, type Call, type CallAttempt } from "./call-schema";
import { loadCall, storeMemberEvent, UUID, type MemberEvent } from "./calls";
import { placeAttempt, WAIT_INLINE_MS } from "./placement";

/**
 * Recalling a member who didn't answer. When the latest attempt's last word
 * arrives, `settleAttempt` decides (lib/recall's policy, fixed in the call's
 * script when it was made): either attempt N+1 is written, waiting for its
 * time, and a job is queued to place it, or the call ends. The row's unique
 * (call, attempt) key makes the decision count once, however many copies of
 * the callback arrive or workers run; the job only places a row still waiting.
 */

/** How an attempt ended, in the policy's words. A member who answered is never recalled, whatever came after. */
export function attemptOutcome(attempt: Pick<CallAttempt, "status" | "answeredAt" | "answeredBy" | "placement">): AttemptOutcome {
  if (attempt.placement === "refused" || attempt.placement === "not-placed") return "refused";
  if (attempt.placement === "canceled") return "canceled";
  if (isMachine(attempt.answeredBy)) return "machine";
  if (attempt.answeredAt || attempt.status === "completed" || attempt.status === "in-progress") return "answered";
  if (attempt.status === "busy" || attempt.status === "no-answer" || attempt.status === "failed") return attempt.status;
  return "canceled";
}

/** Every hour open: asks the policy whether a recall is possible at all, before the time zones are looked up. */
const ALWAYS: Window = { start: 0, end: MINUTES_PER_DAY };

/** An attempt's outcome in the campaigners' words, on the call's timeline. */
export const ATTEMPT_OUTCOME_WORDS: Record<AttemptOutcome, string> = {
  answered: "answered",
  busy: "busy",
  "no-answer": "no answer",
  failed: "failed while ringing",
  machine: "answering machine: hung up, counted as no answer",
  refused: "refused by Twilio",
  canceled: "canceled",
};

/**
 * The policy's answer for this attempt of this call; no recall once the
 * member asked for none. The member's time zones (quiet hours) are guessed
 * from their number here, off the member's request path, and only when a
 * recall is possible.
 */
export async function recallDecision(call: Call, attempt: CallAttempt): Promise<RecallDecision> {
  const recall = call.script.recall;
  if (!recall) return { recall: false, reason: "disabled" };
  if (call.recallsStoppedAt) return { recall: false, reason: "not-recalled" };
  const outcome = attemptOutcome(attempt);
  const possible = nextAttempt({ policy: recall.policy, attemptsSoFar: attempt.attempt, outcome, firstAttemptAt: call.createdAt, endedAt: attempt.endedAt ?? new Date(), timeZones: [], window: ALWAYS });
  if (!possible.recall) return possible;
  return nextAttempt({
    policy: recall.policy,
    attemptsSoFar: attempt.attempt,
    outcome,
    firstAttemptAt: call.createdAt,
    // The delay counts from the end of the attempt, as the database saw it: the same for every copy of the callback.
    endedAt: attempt.endedAt ?? new Date(),
    timeZones: recall.timeZones ?? (await guessTimeZones(call.memberPhone)),
    ...(recall.policy.quietHours === false ? { window: ALWAYS } : {}),
  });
}

export type Settled = { kind: "recall"; attempt: number; at: Date; queued: boolean } | { kind: "ended" } | { kind: "none" };

/**
 * The latest attempt of a live call has ended: recall or end the call. Safe
 * to run twice or concurrently: the next attempt is inserted once (unique
 * key), its job sent only by the request that inserted it, and the call
 * is never ended while a later attempt exists.
 */
export async function settleAttempt(db: Db, callId: string, attemptNumber: number): Promise<Settled> {
  const [row] = await db
    .select({ call: calls, attempt: callAttempts })
    .from(calls)
    .innerJoin(callAttempts, and(eq(callAttempts.callId, calls.id), eq(callAttempts.attempt, attemptNumber)))
    .where(eq(calls.id, callId));
  if (!row || row.call.endedAt) return { kind: "none" };
  const decision = await recallDecision(row.call, row.attempt);
  if (decision.recall) {
    // Only while the call is live and the member hasn't said stop: a stop racing this insert is caught again when the job runs.
    const created = await selectRows<{ one: number }>(
      db,
      sql`insert into ${callAttempts} (call_id, attempt, scheduled_at)
          select ${callId}::uuid, ${decision.attempt}::integer, ${decision.at.toISOString()}::timestamptz
          where exists (select 1 from ${calls} where id = ${callId} and ended_at is null and recalls_stopped_at is null)
          on conflict do nothing
          returning 1 as one`,
    );
    const inserted = created.length > 0;
    if (inserted) {
      await sendJob("calls.recall", { callId, attempt: decision.attempt }, { startAfter: decision.at });
      log.info({ callId, attempt: decision.attempt, at: decision.at, postponed: decision.postponed }, "member recall scheduled");
    }
    return { kind: "recall", attempt: decision.attempt, at: decision.at, queued: inserted };
  }
  await endCall(db, callId, attemptNumber);
  return { kind: "ended" };
}

/**
 * Ends the call after its last attempt. A leg that failed before ever
 * ringing on a call nobody answered is the call failing: Twilio's error
 * becomes the call's. Never while a later attempt exists.
 */
async function endCall(db: Db, callId: string, attemptNumber: number): Promise<void> {
  const failedBeforeRinging = sql`(select status = 'failed' and ringing_at is null from ${callAttempts} where call_id = ${callId} and attempt = ${attemptNumber})`;
  const lastError = (column: typeof callAttempts.errorCode | typeof callAttempts.errorMessage) =>
    sql`(select ${column} from ${callAttempts} where call_id = ${callId} and attempt = ${attemptNumber})`;
  await db
    .update(calls)
    .set({
      endedAt: sql`coalesce(${calls.endedAt}, now())`,
      status: sql`case when ${calls.status} = 'unstarted' and coalesce(${failedBeforeRinging}, false) then 'failed' else ${calls.status} end`,
      failureCode: sql`case when coalesce(${failedBeforeRinging}, false) then coalesce(${calls.failureCode}, ${lastError(callAttempts.errorCode)}) else ${calls.failureCode} end`,
      failureMessage: sql`case when coalesce(${failedBeforeRinging}, false) then coalesce(${calls.failureMessage}, ${lastError(callAttempts.errorMessage)}) else ${calls.failureMessage} end`,
    })
    .where(and(eq(calls.id, callId), sql`not exists (select 1 from ${callAttempts} where call_id = ${callId} and attempt > ${attemptNumber})`));
}

/**
 * The member asked not to be called again ("Stop calling me" on their page,
 * or 9 during a recall's message): no further attempt is placed. A recall
 * still waiting is canceled and the call ends; an attempt under way carries
 * on, and the call ends with it. Answers whether a waiting recall was canceled.
 */
export async function stopRecalls(db: Db, callId: string): Promise<boolean> {
  if (!UUID.test(callId)) return false;
  const [call] = await db.update(calls).set({ recallsStoppedAt: sql`coalesce(${calls.recallsStoppedAt}, now())` }).where(eq(calls.id, callId)).returning({ id: calls.id });
  if (!call) return false;
  return cancelWaiting(db, callId);
}

/** 9 pressed on a recall: stops them; answers the call (for its language), or null for an unknown one. */
export async function stopRecallsOnPhone(db: Db, callId: string): Promise<Call | null> {
  if (!UUID.test(callId)) return null;
  await stopRecalls(db, callId);
  return loadCall(db, callId);
}

async function cancelWaiting(db: Db, callId: string): Promise<boolean> {
  const canceled = await db
    .update(callAttempts)
    .set({ placement: "canceled", endedAt: new Date() })
    .where(and(eq(callAttempts.callId, callId), eq(callAttempts.placement, "waiting"), gt(callAttempts.attempt, 1)))
    .returning({ attempt: callAttempts.attempt });
  if (canceled.length === 0) return false;
  // Nothing is under way any more (a canceled recall was the latest attempt): the call is over,
  // and is filed for the log, the statistics and the CRM as a final status callback would have it (lib/calllog/settle.ts).
  await db.update(calls).set({ endedAt: sql`coalesce(${calls.endedAt}, now())` }).where(eq(calls.id, callId));
  await sendJob("calls.settle", { callId }).catch(() => undefined); // the settle sweep catches it within a minute otherwise
  return true;
}

/**
 * The job: at the recall's time, takes the account's next pacing slot and
 * places the attempt (if it still waits), or, when the slot is further off,
 * hands it to `calls.place-attempt` at the slot's time. Safe to run twice:
 * placing claims the row (waiting → unknown).
 */
export async function placeRecallJob(db: Db, data: { callId: string; attempt: number }): Promise<void> {
  const [row] = await db
    .select({ call: calls, attempt: callAttempts })
    .from(calls)
    .innerJoin(callAttempts, and(eq(callAttempts.callId, calls.id), eq(callAttempts.attempt, data.attempt)))
    .where(eq(calls.id, data.callId));
  if (!row || row.attempt.placement !== "waiting") return;
  if (row.call.endedAt || row.call.recallsStoppedAt) {
    await cancelWaiting(db, data.callId);
    return;
  }
  const slot = await reserveSlot(db);
  if (slot.waitMs > WAIT_INLINE_MS) {
    await db
      .update(callAttempts)
      .set({ scheduledAt: slot.at })
      .where(and(eq(callAttempts.callId, data.callId), eq(callAttempts.attempt, data.attempt), eq(callAttempts.placement, "waiting")));
    await sendJob("calls.place-attempt", data, { startAfter: slot.at });
    return;
  }
  if (slot.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, slot.waitMs));
  await placeAttempt(db, row.call, data.attempt);
}

/** A member-leg status callback: stored and folded (`storeMemberEvent`), and, when it is the latest attempt's last word, settled. */
export async function recordMemberEvent(db: Db, callId: string, attempt: number, event: MemberEvent): Promise<boolean> {
  const stored = await storeMemberEvent(db, callId, attempt, event);
  if (stored.settle) await settleAttempt(db, callId, attempt);
  return stored.found;
}
