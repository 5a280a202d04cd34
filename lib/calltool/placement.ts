import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { sendJob } from "../jobs";
import { log } from "../log";
import { placeCall } from "../telephony/calls";
import { TelephonyError } from "../telephony/errors";
import { reserveSlot } from "../telephony/pacing";
import { callAttempts, calls } from "./call-schema";
import type { NewCall } from "./create-call";
import { RING_SECONDS } from "./config";
import { eventsUrl, callLimits, stepUrl } from "./flow";

/** A wait up to this long is spent inside the request; anything longer goes through the job queue, which survives a restart. */
export const WAIT_INLINE_MS = 1500;

export type Placed =
  | { kind: "placed"; callSid: string }
  /** No answer from Twilio: it may have created the call. Callbacks or reconciliation will tell. */
  | { kind: "unknown" }
  /** Twilio refused, or was too busy to take it (`busy`): no call exists. */
  | { kind: "refused"; code: number; message: string; busy: boolean }
  /** Already placed (or being placed) by someone else: a job that ran twice, a race. */
  | { kind: "skipped" };

export type Scheduled = { kind: "waiting"; at: Date; seconds: number } | Placed;

/**
 * Puts attempt `attempt` of a call in line for the account's next pacing
 * slot, and places it: at once when the slot is a moment away, otherwise
 * through the job queue at the slot's time.
 */
export async function scheduleAttempt(db: Db, call: NewCall, attempt: number): Promise<Scheduled> {
  const slot = await reserveSlot(db);
  const now = slot.waitMs <= WAIT_INLINE_MS;
  // Placed in this request: the attempt is created already claimed (unknown), so no job or second request can place it too.
  const [created] = await db
    .insert(callAttempts)
    .values({ callId: call.id, attempt, scheduledAt: slot.at, ...(now ? { placement: "unknown", placedAt: slot.at } : {}) })
    .onConflictDoNothing()
    .returning({ id: callAttempts.id });
  if (!created) return { kind: "skipped" };
  if (now) {
    if (slot.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, slot.waitMs));
    return ask(db, call, attempt);
  }
  await sendJob("calls.place-attempt", { callId: call.id, attempt }, { startAfter: slot.at });
  return { kind: "waiting", at: slot.at, seconds: Math.ceil(slot.waitMs / 1000) };
}

/**
 * Places a waiting attempt: claims it (waiting → unknown, so it is placed
 * once however many workers try), asks Twilio, and records the answer. A
 * refusal ends the call as failed. No answer leaves it unknown, never failed:
 * Twilio may have placed it, and a retry would ring the member twice.
 */
export async function placeAttempt(db: Db, call: NewCall, attempt: number): Promise<Placed> {
  const [claimed] = await db
    .update(callAttempts)
    .set({ placement: "unknown", placedAt: new Date() })
    .where(
      and(
        eq(callAttempts.callId, call.id),
        eq(callAttempts.attempt, attempt),
        eq(callAttempts.placement, "waiting"),
        // Never for a call that is over, or whose member asked not to be called again.
        sql`exists (select 1 from ${calls} where ${calls.id} = ${call.id} and ${calls.endedAt} is null and ${calls.recallsStoppedAt} is null)`,
      ),
    )
    .returning({ id: callAttempts.id });
  if (!claimed) return { kind: "skipped" };
  return ask(db, call, attempt);
}

/** Asks Twilio to place a claimed attempt, and records the answer. */
async function ask(db: Db, call: NewCall, attempt: number): Promise<Placed> {
  const limits = callLimits(call.script);
  let callSid: string;
  try {
    const placed = await placeCall({
      to: call.memberPhone,
      from: call.script.callerId,
      url: stepUrl(call.id, "start", { attempt }),
      statusCallback: eventsUrl(call.id, attempt),
      statusCallbackEvents: ["initiated", "ringing", "answered", "completed"],
      // Each attempt rings at most a minute: Twilio's own second ring goes out abroad as an anonymous number. We recall instead.
      timeout: call.script.recall?.policy.ringSeconds ?? RING_SECONDS.default,
      machineDetection: call.script.recall?.policy.machineDetection ? "Enable" : undefined,
      timeLimit: limits.memberSeconds,
    });
    callSid = placed.sid;
  } catch (error) {
    if (!(error instanceof TelephonyError)) throw error;
    if (error.outcomeUnknown) {
      log.warn({ callId: call.id, attempt, err: error }, "no answer from Twilio when placing the call: its outcome is unknown until a callback or reconciliation");
      return { kind: "unknown" };
    }
    await refuse(db, call.id, attempt, error);
    return { kind: "refused", code: error.code, message: error.message, busy: error.retryable };
  }
  try {
    // A callback may have got here first: whatever it wrote stays.
    await db
      .update(callAttempts)
      .set({ callSid: sql`coalesce(${callAttempts.callSid}, ${callSid})`, placement: "placed" })
      .where(and(eq(callAttempts.callId, call.id), eq(callAttempts.attempt, attempt)));
  } catch (error) {
    // The member's phone is ringing: they must not be told it failed. The first callback carries the CallSid.
    log.error({ err: error, callId: call.id, attempt, callSid }, "could not record the CallSid of a placed call");
  }
  return { kind: "placed", callSid };
}

async function refuse(db: Db, callId: string, attempt: number, error: TelephonyError): Promise<void> {
  await db
    .update(callAttempts)
    .set({ placement: "refused", errorCode: error.code || null, errorMessage: error.message, endedAt: new Date() })
    .where(and(eq(callAttempts.callId, callId), eq(callAttempts.attempt, attempt)));
  await db
    .update(calls)
    .set({ status: sql`case when ${calls.status} = 'unstarted' then 'failed' else ${calls.status} end`, failureCode: error.code || null, failureMessage: error.message, endedAt: sql`coalesce(${calls.endedAt}, now())` })
    .where(eq(calls.id, callId));
  log.warn({ callId, attempt, code: error.code, status: error.status }, "Twilio refused the member's call");
}

/** The job: places the attempt if it still waits. Safe to run twice. */
export async function placeAttemptJob(db: Db, data: { callId: string; attempt: number }): Promise<void> {
  const [call] = await db.select().from(calls).where(eq(calls.id, data.callId));
  if (call) await placeAttempt(db, call, data.attempt);
}
