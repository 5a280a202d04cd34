import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "../db/client";
import { log } from "../log";
import { endCall } from "../telephony/calls";
import { TelephonyError } from "../telephony/errors";
import { callNextLead } from "./dialer";
import { endLeadCall } from "./lead-calls";
import { leadCalls, sessions } from "./schema";
import { endSession } from "./volunteer";

/** Twilio said no because the call is already over: nothing left to do. */
const alreadyOver = (error: unknown) => error instanceof TelephonyError && error.status >= 400 && error.status < 500;

/** Hangs up (or cancels) a lead's call we stopped. Throws until the CallSid is known, so the queue retries. */
export async function hangUpLead({ leadCallId }: { leadCallId: string }): Promise<void> {
  const [call] = await db().select().from(leadCalls).where(eq(leadCalls.id, leadCallId));
  if (!call) return;
  if (!call.twilioCallSid) throw new Error("the lead's CallSid is not known yet");
  const ringing = !call.answeredAt;
  try {
    await endCall(call.twilioCallSid, ringing ? "ringing" : "answered");
  } catch (error) {
    if (!alreadyOver(error)) throw error;
  }
}

export async function hangUpLine({ callSid }: { callSid: string }): Promise<void> {
  try {
    await endCall(callSid, "answered");
  } catch (error) {
    if (!alreadyOver(error)) throw error;
  }
}

export async function dialNext({ sessionId }: { sessionId: string }): Promise<void> {
  const result = await callNextLead(db(), sessionId);
  if (!result.ok) log.info({ sessionId, reason: result.reason }, "auto-connect: no next lead");
}

/** Minutes a call may stay unanswered without news before we give up on it. */
const SILENT_CALL_MINUTES = 3;

/**
 * Tidies what nobody will finish: calls Twilio never told us more about
 * (their lead goes back on the list), sessions whose volunteer left without
 * leaving (page closed, no line) and sessions older than half a day.
 */
export async function sweep(): Promise<void> {
  const silent = await db()
    .select({ id: leadCalls.id })
    .from(leadCalls)
    .where(
      or(
        and(sql`${leadCalls.status} in ('placing', 'ringing')`, lt(leadCalls.createdAt, sql`now() - make_interval(mins => ${SILENT_CALL_MINUTES})`)),
        and(sql`${leadCalls.status} in ('answered', 'connected')`, lt(leadCalls.createdAt, sql`now() - interval '4 hours'`)),
      ),
    );
  for (const call of silent) {
    const ended = await endLeadCall(db(), call.id, "lost");
    if (ended) await hangUpLead({ leadCallId: call.id }).catch(() => undefined);
  }
  const stale = await db()
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        isNull(sessions.endedAt),
        or(
          and(sql`${sessions.status} in ('waiting', 'disconnected')`, lt(sessions.lastSeenAt, sql`now() - interval '15 minutes'`)),
          lt(sessions.createdAt, sql`now() - interval '12 hours'`),
        ),
      ),
    );
  for (const session of stale) await endSession(db(), session.id);
  if (silent.length || stale.length) log.info({ calls: silent.length, sessions: stale.length }, "phone bank sweep");
}
