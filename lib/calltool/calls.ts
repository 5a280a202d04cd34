import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { isForeignKeyViolation } from "../errors";
import { ADVANCES_FROM, type CallStatus } from "./call-state";
import { callEvents, calls, type Call } from "./call-schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Moves `status` forward to `to` if it may go there, else leaves it: a late or repeated request never moves a call back. */
const advance = (to: Exclude<CallStatus, "unstarted">) =>
  sql`case when ${calls.status} in (${sql.join(ADVANCES_FROM[to].map((from) => sql`${from}`), sql`, `)}) then ${to} else ${calls.status} end`;

async function updateCall(db: Db, id: string, values: Parameters<ReturnType<Db["update"]>["set"]>[0]): Promise<Call | null> {
  if (!UUID.test(id)) return null;
  const [call] = await db.update(calls).set(values).where(eq(calls.id, id)).returning();
  return call ?? null;
}

/** The member answered: the message plays. One statement; the menu count starts afresh. */
export function startCall(db: Db, id: string, callSid: string): Promise<Call | null> {
  return updateCall(db, id, { status: advance("started"), twilioCallSid: sql`coalesce(${calls.twilioCallSid}, ${callSid || null})`, menuRounds: 0 });
}

/** Another round of the menu without a valid choice; answers the call with the new count. */
export function countMenuRound(db: Db, id: string): Promise<Call | null> {
  return updateCall(db, id, { menuRounds: sql`${calls.menuRounds} + 1` });
}

export async function loadCall(db: Db, id: string): Promise<Call | null> {
  if (!UUID.test(id)) return null;
  const [call] = await db.select().from(calls).where(eq(calls.id, id));
  return call ?? null;
}

/** The member pressed 1. */
export function connectCall(db: Db, id: string): Promise<Call | null> {
  return updateCall(db, id, { status: advance("connected") });
}

/** The target picked up (the <Number url> request): the member is talking to them now. */
export function recordTargetAnswered(db: Db, id: string, dialCallSid: string): Promise<Call | null> {
  const fields = { answeredAt: new Date().toISOString(), DialCallSid: dialCallSid };
  return updateCall(db, id, { targetCallInfo: sql`${calls.targetCallInfo} || ${JSON.stringify(fields)}::jsonb` });
}

const RETRYABLE = ["busy", "no-answer"];

/**
 * Stores the Dial action's result (DialCallStatus, DialCallSid,
 * DialCallDuration and the rest) as the target leg's latest state, and
 * keeps every attempt. Counts retry offers so "try again" is offered once.
 */
export function recordTargetStatus(db: Db, id: string, dial: Record<string, string>): Promise<Call | null> {
  const fields = JSON.stringify(dial);
  const retryable = RETRYABLE.includes(dial.DialCallStatus ?? "");
  return updateCall(db, id, {
    targetCallInfo: sql`(${calls.targetCallInfo} || ${fields}::jsonb) || jsonb_build_object('attempts', coalesce(${calls.targetCallInfo}->'attempts', '[]'::jsonb) || jsonb_build_array(${fields}::jsonb))`,
    targetRetryOffered: sql`${calls.targetRetryOffered} + ${retryable ? 1 : 0}`,
  });
}

/**
 * Appends a member-leg status callback. A retry of one already stored
 * (same CallSid, SequenceNumber and status) is ignored; concurrent callbacks
 * are separate rows, so none is lost. Answers false for an unknown call.
 */
export async function recordMemberEvent(db: Db, id: string, payload: Record<string, string | string[]>): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const first = (key: string) => [payload[key]].flat()[0] ?? "";
  const sequenceNumber = Number.parseInt(first("SequenceNumber"), 10);
  try {
    await db
      .insert(callEvents)
      .values({ callId: id, callSid: first("CallSid"), sequenceNumber: Number.isFinite(sequenceNumber) ? sequenceNumber : -1, callStatus: first("CallStatus"), payload })
      .onConflictDoNothing();
    return true;
  } catch (error) {
    if (isForeignKeyViolation(error)) return false;
    throw error;
  }
}

export async function callWithEvents(db: Db, id: string): Promise<{ call: Call; events: (typeof callEvents.$inferSelect)[] } | null> {
  if (!UUID.test(id)) return null;
  const [call] = await db.select().from(calls).where(eq(calls.id, id));
  if (!call) return null;
  const events = await db.select().from(callEvents).where(eq(callEvents.callId, id)).orderBy(asc(callEvents.sequenceNumber));
  return { call, events };
}
