import "server-only";
import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { log } from "../log";
import { fetchCall, findCalls, type CallRecord } from "../telephony/calls";
import { TelephonyError } from "../telephony/errors";
import { isMemberTerminal } from "./call-state";
import { callAttempts, calls, type CallAttempt } from "./call-schema";
import { recordMemberEvent } from "./recall";
import { placeAttempt } from "./placement";

/** How long after placing we first ask Twilio about an attempt that has gone quiet, and how often after that. */
export const QUIET_FOR_MS = 3 * 60 * 1000;
/** An attempt whose creation got no answer, and which Twilio still doesn't list this long after, was never placed. */
export const NOT_PLACED_AFTER_MS = 10 * 60 * 1000;
/** A waiting attempt this far past its slot lost its job: it is placed now. */
export const OVERDUE_AFTER_MS = 60 * 1000;
const BATCH = 50;
/** The SequenceNumber given to what reconciliation learnt, above any Twilio sends for one call. */
const RECONCILED_SEQUENCE = 1_000_000;

export type Reconciled = { asked: number; settled: number; placed: number; notPlaced: number; ended: number };

/**
 * Calls we lost track of, settled by asking Twilio through its REST API:
 * attempts whose creation got no answer (found by To, From and time, or
 * declared never placed), attempts quiet for minutes (fetched by CallSid:
 * ringing, listening or talking with no word since), and waiting attempts
 * whose job never ran. Run every minute by the job queue; safe to run twice.
 */
export async function reconcileCalls(db: Db, now = new Date()): Promise<Reconciled> {
  const result: Reconciled = { asked: 0, settled: 0, placed: 0, notPlaced: 0, ended: 0 };
  const ago = (ms: number) => new Date(now.getTime() - ms);

  const overdue = await db
    .select({ attempt: callAttempts, call: calls })
    .from(callAttempts)
    .innerJoin(calls, eq(calls.id, callAttempts.callId))
    .where(and(eq(callAttempts.placement, "waiting"), lt(callAttempts.scheduledAt, ago(OVERDUE_AFTER_MS)), isNull(calls.endedAt)))
    .limit(BATCH);
  for (const { attempt, call } of overdue) {
    await placeAttempt(db, call, attempt.attempt);
    result.placed++;
  }

  const quiet = await db
    .select({ attempt: callAttempts, call: calls })
    .from(callAttempts)
    .innerJoin(calls, eq(calls.id, callAttempts.callId))
    .where(
      and(
        isNull(callAttempts.endedAt),
        sql`${callAttempts.placement} in ('unknown', 'placed')`,
        lt(callAttempts.placedAt, ago(QUIET_FOR_MS)),
        lt(callAttempts.updatedAt, ago(QUIET_FOR_MS)),
        or(isNull(callAttempts.checkedAt), lt(callAttempts.checkedAt, ago(QUIET_FOR_MS))),
      ),
    )
    .orderBy(asc(callAttempts.placedAt))
    .limit(BATCH);
  for (const { attempt, call } of quiet) {
    try {
      result.asked++;
      const record = attempt.callSid ? await fetchCall(attempt.callSid) : await findPlaced(db, attempt, call.memberPhone, call.script.callerId);
      if (record) {
        if (await settle(db, attempt, record)) result.settled++;
      } else if (attempt.placedAt && attempt.placedAt < ago(NOT_PLACED_AFTER_MS)) {
        await notPlaced(db, attempt);
        result.notPlaced++;
      }
      await db.update(callAttempts).set({ checkedAt: now }).where(eq(callAttempts.id, attempt.id));
    } catch (error) {
      // Twilio unreachable: next minute will do. Anything else is ours, and logged.
      if (!(error instanceof TelephonyError)) throw error;
      log.warn({ err: error, callId: attempt.callId, attempt: attempt.attempt }, "could not ask Twilio about a call");
    }
  }

  // Whatever we heard, a call live this long is over: let the member call again. Not while a recall waits for its time (the morning, perhaps).
  const ended = await db
    .update(calls)
    .set({ endedAt: now })
    .where(
      and(
        isNull(calls.endedAt),
        lt(calls.createdAt, ago(45 * 60 * 1000)),
        sql`not exists (select 1 from ${callAttempts} where ${callAttempts.callId} = ${calls.id} and ${callAttempts.placement} = 'waiting' and ${callAttempts.scheduledAt} > ${now.toISOString()}::timestamptz - interval '10 minutes')`,
      ),
    )
    .returning({ id: calls.id });
  result.ended = ended.length;
  return result;
}

/** The call Twilio made for an attempt whose creation got no answer: the first one to the member, from our caller ID, created since, that no attempt claims. */
async function findPlaced(db: Db, attempt: CallAttempt, to: string, from: string): Promise<CallRecord | null> {
  const since = new Date((attempt.placedAt ?? attempt.createdAt).getTime() - 60_000);
  for (const candidate of await findCalls(to, from, since)) {
    const [claimed] = await db.select({ id: callAttempts.id }).from(callAttempts).where(eq(callAttempts.callSid, candidate.sid));
    if (!claimed) return candidate;
  }
  return null;
}

/** Folds what Twilio says now into the attempt: a call still going is only known to exist; an ended one gets the last status callback we missed. */
async function settle(db: Db, attempt: CallAttempt, record: CallRecord): Promise<boolean> {
  if (!isMemberTerminal(record.status)) {
    await db
      .update(callAttempts)
      .set({ callSid: sql`coalesce(${callAttempts.callSid}, ${record.sid})`, placement: "placed" })
      .where(eq(callAttempts.id, attempt.id));
    return false;
  }
  await recordMemberEvent(db, attempt.callId, attempt.attempt, {
    callSid: record.sid,
    sequenceNumber: RECONCILED_SEQUENCE,
    callStatus: record.status,
    callDuration: record.duration,
    answeredBy: record.answeredBy,
    errorCode: null,
    errorMessage: null,
    payload: { CallSid: record.sid, CallStatus: record.status, CallbackSource: "reconciliation" },
  });
  return true;
}

async function notPlaced(db: Db, attempt: CallAttempt): Promise<void> {
  const message = "Twilio has no record of this call: its creation got no answer, and it never appeared.";
  await db
    .update(callAttempts)
    .set({ placement: "not-placed", endedAt: new Date(), errorMessage: message })
    .where(and(eq(callAttempts.id, attempt.id), eq(callAttempts.placement, "unknown")));
  await db
    .update(calls)
    .set({ status: sql`case when ${calls.status} = 'unstarted' then 'failed' else ${calls.status} end`, failureMessage: message, endedAt: sql`coalesce(${calls.endedAt}, now())` })
    .where(eq(calls.id, attempt.callId));
}
