import "server-only";
import type { Db } from "../db/client";
import { isForeignKeyViolation } from "../errors";
import { log } from "../log";
import { UUID } from "../calltool/calls";
import { callSteps } from "../calltool/call-schema";

/** The TwiML steps the timeline shows: the message played, and each menu request with the key pressed in it. */
export const CALL_STEP_KINDS = ["message", "menu"] as const;
export type CallStepKind = (typeof CALL_STEP_KINDS)[number];

export type CallStepRecord = { attempt: number; step: CallStepKind; replay?: number; round?: number; wrong?: number; digits?: string; result?: string };

/**
 * Notes one TwiML request for the timeline: one insert, keyed by the
 * request's place (so Twilio's retry of it adds nothing). A step of an
 * unknown call is dropped (the foreign key), never an error: the caller's
 * TwiML answer must not depend on it.
 */
export async function recordCallStep(db: Db, callId: string, step: CallStepRecord): Promise<void> {
  if (!UUID.test(callId)) return;
  await db
    .insert(callSteps)
    .values({ callId, attempt: step.attempt, step: step.step, replay: step.replay ?? 0, round: step.round ?? 0, wrong: step.wrong ?? 0, digits: (step.digits ?? "").slice(0, 20), result: step.result ?? "" })
    .onConflictDoNothing()
    .catch((error: unknown) => {
      if (!isForeignKeyViolation(error)) log.warn({ err: error, callId }, "a call step could not be stored for the timeline");
    });
}
