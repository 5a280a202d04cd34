import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { selectRows, type Db } from "../db/client";
import { isForeignKeyViolation } from "../errors";
import { ADVANCES_FROM, isMemberTerminal, type CallFacts, type CallStatus } from "./call-state";
import { callAttempts, callEvents, calls, targetDials, type Call, type CallAttempt, type TargetDial } from "./call-schema";
import { scriptTargets } from "./sequence";

/**
 * What Twilio's requests write, one or two statements each. Every write is
 * idempotent: the step's place (attempt, dial, round) is in its URL, so a
 * retried request writes the same thing again, and a late one never moves a
 * machine back.
 */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Moves `status` forward to `to` if it may go there, else leaves it. */
const advance = (to: Exclude<CallStatus, "unstarted">) =>
  sql`case when ${calls.status} in (${sql.join(ADVANCES_FROM[to].map((from) => sql`${from}`), sql`, `)}) then ${to} else ${calls.status} end`;

async function updateCall(db: Db, id: string, values: Parameters<ReturnType<Db["update"]>["set"]>[0]): Promise<Call | null> {
  if (!UUID.test(id)) return null;
  const [call] = await db.update(calls).set(values).where(eq(calls.id, id)).returning();
  return call ?? null;
}

export async function loadCall(db: Db, id: string): Promise<Call | null> {
  if (!UUID.test(id)) return null;
  const [call] = await db.select().from(calls).where(eq(calls.id, id));
  return call ?? null;
}

/** A request about an attempt proves Twilio created it: its CallSid and "placed" stick, whatever we believed before. */
const attemptSeen = (callSid: string) => ({
  callSid: sql`coalesce(${callAttempts.callSid}, ${callSid || null})`,
  placement: "placed",
});

/** The member answered: the message plays. One statement: the attempt is seen, the call started. */
export async function startCall(db: Db, id: string, attempt: number, callSid: string): Promise<Call | null> {
  if (!UUID.test(id)) return null;
  const seen = db.$with("seen").as(
    db
      .update(callAttempts)
      .set({ ...attemptSeen(callSid), answeredAt: sql`coalesce(${callAttempts.answeredAt}, now())` })
      .where(and(eq(callAttempts.callId, id), eq(callAttempts.attempt, attempt)))
      .returning({ id: callAttempts.id }),
  );
  const [call] = await db.with(seen).update(calls).set({ status: advance("started") }).where(eq(calls.id, id)).returning();
  return call ?? null;
}

/** Detection found a machine on this attempt: it is seen, and who answered noted; the call doesn't start. One statement. */
export async function recordMachine(db: Db, id: string, attempt: number, callSid: string, answeredBy: string): Promise<void> {
  if (!UUID.test(id)) return;
  await db
    .update(callAttempts)
    .set({ ...attemptSeen(callSid), answeredBy: sql`coalesce(${callAttempts.answeredBy}, ${answeredBy})` })
    .where(and(eq(callAttempts.callId, id), eq(callAttempts.attempt, attempt)));
}

/** A menu round ended without a valid choice; keeps the most rounds reached (a repeat of the request changes nothing). */
export function recordMenuRound(db: Db, id: string, round: number): Promise<Call | null> {
  return updateCall(db, id, { menuRounds: sql`greatest(${calls.menuRounds}, ${round})` });
}

/** The message ended (or a key skipped it) and the menu begins: the funnel's "heard the message". The first time sticks. */
export function recordMessageHeard(db: Db, id: string): Promise<Call | null> {
  return updateCall(db, id, { messageHeardAt: sql`coalesce(${calls.messageHeardAt}, now())` });
}

/** Where a dial sits in the call: its number, the member-leg attempt, the target's place in the sequence, and which try at that target it is. */
export type DialPlace = { attempt: number; dial: number; pos: number; redial: number; again: number };

/**
 * The dial's row, from the call's script (the target at the dial's place in
 * the sequence, or the one target of an older call), as a select for insert … select.
 */
const dialRow = (id: string, at: DialPlace, more = sql``) => {
  const target = sql`coalesce(${calls.script}->'targets'->${at.pos - 1}::integer, ${calls.script}->'target')`;
  return sql`select ${id}::uuid, ${at.dial}::integer, ${at.attempt}::integer, (${target}->>'id')::uuid, ${target}->>'name', ${at.pos}::integer, ${at.redial}::integer, ${at.again}::integer ${more}
             from ${calls} where ${calls.id} = ${id}`;
};
const DIAL_COLUMNS = sql.raw("call_id, dial, attempt, target_id, target_name, position, redial, again");

/** The member is put through to a target (pressed 1, moved on to the next, or a busy line is redialled): this dial starts. One statement. */
export async function connectCall(db: Db, id: string, at: DialPlace): Promise<Call | null> {
  if (!UUID.test(id)) return null;
  const dialled = db.$with("dialled", { one: sql<number>`1` }).as(
    sql`insert into ${targetDials} (${DIAL_COLUMNS}) ${dialRow(id, at)} on conflict do nothing returning 1`,
  );
  const [call] = await db.with(dialled).update(calls).set({ status: advance("connected") }).where(eq(calls.id, id)).returning();
  return call ?? null;
}

/** The target picked up (the <Number url> request, on their leg). */
export async function recordTargetAnswered(db: Db, id: string, dial: number, dialCallSid: string): Promise<void> {
  if (!UUID.test(id)) return;
  await db
    .update(targetDials)
    .set({ answeredAt: sql`coalesce(${targetDials.answeredAt}, now())`, dialCallSid: sql`coalesce(${targetDials.dialCallSid}, ${dialCallSid || null})` })
    .where(and(eq(targetDials.callId, id), eq(targetDials.dial, dial)));
}

export type DialResult = { status: string; dialCallSid: string; duration: number | null; errorCode: number | null; errorMessage: string | null };

/** The Dial action: this dial's result, stored on its own row (created if the connect step's insert never landed). One statement. */
export async function recordDialResult(db: Db, id: string, at: DialPlace, result: DialResult): Promise<Call | null> {
  if (!UUID.test(id)) return null;
  const dialled = db.$with("dialled", { one: sql<number>`1` }).as(
    sql`insert into ${targetDials} (${DIAL_COLUMNS}, dial_call_status, dial_call_sid, duration, error_code, error_message, ended_at)
        ${dialRow(id, at, sql`, ${result.status || null}, ${result.dialCallSid || null}, ${result.duration}::integer, ${result.errorCode}::integer, ${result.errorMessage}, now()`)}
        on conflict (call_id, dial) do update set
          dial_call_status = excluded.dial_call_status,
          dial_call_sid = coalesce(${targetDials.dialCallSid}, excluded.dial_call_sid),
          duration = excluded.duration,
          error_code = excluded.error_code,
          error_message = excluded.error_message,
          ended_at = coalesce(${targetDials.endedAt}, excluded.ended_at)
        returning 1`,
  );
  const [call] = await db.with(dialled).select().from(calls).where(eq(calls.id, id));
  return call ?? null;
}

export type MemberEvent = {
  callSid: string;
  sequenceNumber: number;
  callStatus: string;
  callDuration: number | null;
  answeredBy: string | null;
  errorCode: number | null;
  errorMessage: string | null;
  payload: Record<string, string | string[]>;
};

/**
 * A member-leg status callback, in one statement: stored once (a retry with
 * the same CallSid, SequenceNumber and status is ignored), and folded into its
 * attempt (the highest SequenceNumber wins, so order doesn't matter). Answers
 * whether the call exists, and whether this was a terminal word on the
 * call's latest attempt while the call is live: then the caller settles it
 * (a recall or the call's end, `settleAttempt`). Throws when it could not be
 * stored, so Twilio retries.
 */
export async function storeMemberEvent(db: Db, id: string, attempt: number, event: MemberEvent): Promise<{ found: boolean; settle: boolean }> {
  if (!UUID.test(id)) return { found: false, settle: false };
  const terminal = isMemberTerminal(event.callStatus);
  const ringing = ["initiated", "ringing", "in-progress", "completed", "busy", "no-answer"].includes(event.callStatus);
  try {
    const rows = await selectRows<{ found: number; settle: boolean }>(
      db,
      sql`with event as (
            insert into call_events (call_id, attempt, call_sid, sequence_number, call_status, call_duration, answered_by, error_code, error_message, payload)
            values (${id}, ${attempt}, ${event.callSid}, ${event.sequenceNumber}, ${event.callStatus}, ${event.callDuration}, ${event.answeredBy},
                    ${event.errorCode}, ${event.errorMessage}, ${JSON.stringify(event.payload)}::jsonb)
            on conflict do nothing
            returning 1
          ), attempt as (
            update call_attempts set
              call_sid = coalesce(call_sid, ${event.callSid || null}),
              placement = 'placed',
              status = case when last_sequence < ${event.sequenceNumber} then ${event.callStatus} else status end,
              last_sequence = greatest(last_sequence, ${event.sequenceNumber}),
              ringing_at = case when ${ringing} then coalesce(ringing_at, now()) else ringing_at end,
              answered_at = case when ${event.callStatus === "in-progress"} then coalesce(answered_at, now()) else answered_at end,
              ended_at = case when ${terminal} then coalesce(ended_at, now()) else ended_at end,
              duration = coalesce(${event.callDuration}, duration),
              answered_by = coalesce(${event.answeredBy}, answered_by),
              error_code = coalesce(${event.errorCode}, error_code),
              error_message = coalesce(${event.errorMessage}, error_message),
              updated_at = now()
            where call_id = ${id} and attempt = ${attempt}
            returning attempt
          )
          select count(*)::int as found,
                 bool_or(${terminal} and calls.ended_at is null
                         and ${attempt} >= (select coalesce(max(attempt), 0) from call_attempts where call_id = ${id})) as settle
          from calls where id = ${id}`,
    );
    return { found: (rows[0]?.found ?? 0) > 0, settle: rows[0]?.settle === true };
  } catch (error) {
    if (isForeignKeyViolation(error)) return { found: false, settle: false };
    throw error;
  }
}

/** What the member's page and the call log need about one call: two queries. */
export async function loadCallFacts(db: Db, id: string): Promise<{ call: Call; facts: CallFacts; attempts: CallAttempt[]; dials: TargetDial[] } | null> {
  const call = await loadCall(db, id);
  if (!call) return null;
  const [attempts, dials] = await Promise.all([
    db.select().from(callAttempts).where(eq(callAttempts.callId, id)).orderBy(desc(callAttempts.attempt)),
    db.select().from(targetDials).where(eq(targetDials.callId, id)).orderBy(asc(targetDials.dial)),
  ]);
  return { call, attempts, dials, facts: toFacts(call, latestAttempt(attempts), dials) };
}

/** The attempt the call's outcome is about: the latest, unless it is a recall the member canceled before it was placed. */
export const latestAttempt = (attempts: CallAttempt[]): CallAttempt | null =>
  [...attempts].sort((a, b) => b.attempt - a.attempt).find((attempt) => attempt.placement !== "canceled") ?? null;

/** Calls in all a call may make: its recall policy when it was made. */
export const maxAttemptsOf = (call: Pick<Call, "script">): number => (call.script.recall?.policy.enabled ? call.script.recall.policy.maxAttempts : 1);

export function toFacts(call: Call, attempt: CallAttempt | null, dials: TargetDial[]): CallFacts {
  return {
    maxAttempts: maxAttemptsOf(call),
    status: call.status,
    endedAt: call.endedAt,
    failureCode: call.failureCode,
    failureMessage: call.failureMessage,
    menuRounds: call.menuRounds,
    attempt,
    dials,
    sequence: { total: scriptTargets(call.script).length, redials: call.script.busyRedial?.attempts ?? 0 },
  };
}

export async function callEventsOf(db: Db, id: string) {
  if (!UUID.test(id)) return [];
  return db.select().from(callEvents).where(eq(callEvents.callId, id)).orderBy(asc(callEvents.attempt), asc(callEvents.sequenceNumber));
}
