import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { FieldError, FormError } from "../errors";
import { sendJob } from "../jobs";
import { log } from "../log";
import { findOrCreateQueue } from "../telephony/queues";
import { TelephonyError } from "../telephony/errors";
import { DO_NOT_CALL } from "../zod/phone-bank";
import { callNextLead, type NextLead } from "./dialer";
import { queueName } from "./flow";
import { endLeadCall } from "./lead-calls";
import { leadCalls, leads, phoneBanks, sessions, type PhoneBankSession } from "./schema";
import { joinPhoneBank } from "./sessions";
import { isFinalLeadCall } from "./states";

/**
 * Joins and makes sure the volunteer's queue exists on Twilio, so their
 * <Dial><Queue> finds it the moment they dial in (Twilio creates a queue on
 * <Enqueue>, but a <Dial> to a queue that doesn't exist yet fails).
 */
export async function joinAndPrepare(db: Db, phoneBankId: string, volunteerId: string): Promise<PhoneBankSession> {
  const session = await joinPhoneBank(db, phoneBankId, volunteerId);
  try {
    await findOrCreateQueue(queueName(session.accessCode));
  } catch (error) {
    if (!(error instanceof TelephonyError)) throw error;
    await endSession(db, session.id);
    throw new FormError(`The phone service is not answering (${error.message}). Try again in a minute.`);
  }
  return session;
}

/**
 * The session's call in flight, if any, is stopped: marked abandoned (its
 * lead back on the list) at once, and hung up on Twilio by a job, which
 * retries until Twilio has taken it (the CallSid may not even be known yet).
 */
export async function abandonActiveCall(db: Db, session: Pick<PhoneBankSession, "id" | "activeLeadCallId">): Promise<void> {
  if (!session.activeLeadCallId) return;
  const ended = await endLeadCall(db, session.activeLeadCallId, "abandoned");
  if (ended) await sendJob("phonebank.hang-up-lead", { leadCallId: ended.id });
}

/**
 * stop-consuming with CallStatus=completed: the volunteer hung up. The
 * session lets go of its line and its call in flight together, in one
 * transaction; Twilio is told to hang up on the lead afterwards, by a job.
 */
export async function volunteerHungUp(db: Db, sessionId: string, consumerCallSid: string): Promise<void> {
  const abandoned = await db.transaction(async (tx) => {
    const [session] = await tx
      .update(sessions)
      .set({ status: "disconnected", consumerCallSid: null })
      .where(and(eq(sessions.id, sessionId), eq(sessions.consumerCallSid, consumerCallSid), isNull(sessions.endedAt)))
      .returning();
    if (!session?.activeLeadCallId) return null;
    return endLeadCall(tx as unknown as Db, session.activeLeadCallId, "abandoned");
  });
  if (abandoned) await sendJob("phonebank.hang-up-lead", { leadCallId: abandoned.id });
}

/**
 * Leaving: the code expires with the session, the volunteer's line is hung
 * up, a call in flight is abandoned, and a lead who talked but got no
 * disposition is closed as done without one (never called twice for it).
 */
export async function endSession(db: Db, sessionId: string, volunteerId?: string): Promise<void> {
  const [session] = await db
    .update(sessions)
    .set({ status: "ended", endedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt), volunteerId ? eq(sessions.volunteerId, volunteerId) : undefined))
    .returning();
  if (!session) return;
  if (session.activeLeadCallId) {
    const [call] = await db.select().from(leadCalls).where(eq(leadCalls.id, session.activeLeadCallId));
    if (call && isFinalLeadCall(call.status)) {
      await db.update(leads).set({ status: "done" }).where(and(eq(leads.id, call.leadId), eq(leads.status, "answered")));
    } else {
      await abandonActiveCall(db, session);
    }
  }
  if (session.consumerCallSid) await sendJob("phonebank.hang-up-line", { callSid: session.consumerCallSid });
}

export type DispositionInput = { sessionId: string; volunteerId: string; leadCallId: string; disposition: string; notes: string };

/**
 * The volunteer's outcome for the lead they talked to. "Do not call" takes
 * the lead off the list for good. With auto-connect on, the next lead is
 * dialled straight away.
 */
export async function recordDisposition(db: Db, input: DispositionInput): Promise<NextLead | null> {
  const [row] = await db
    .select({ session: sessions, call: leadCalls, bank: phoneBanks })
    .from(sessions)
    .innerJoin(leadCalls, eq(leadCalls.id, sessions.activeLeadCallId))
    .innerJoin(phoneBanks, eq(phoneBanks.id, sessions.phoneBankId))
    .where(and(eq(sessions.id, input.sessionId), eq(sessions.volunteerId, input.volunteerId), isNull(sessions.endedAt)));
  if (!row || row.call.id !== input.leadCallId) throw new FormError("This call is no longer yours to record. Reload the page.");
  const disposition = row.bank.dispositions.find((choice) => choice === input.disposition);
  if (!disposition) throw new FieldError("disposition", "Choose one of the outcomes listed");
  const doNotCall = disposition.toLowerCase() === DO_NOT_CALL.toLowerCase();
  const [saved] = await db
    .update(leads)
    .set({
      status: doNotCall ? "do-not-call" : "done",
      disposition,
      notes: input.notes,
      dispositionedBy: input.volunteerId,
      dispositionedAt: sql`now()`,
    })
    .where(and(eq(leads.id, row.call.leadId), sql`${leads.status} in ('answered', 'do-not-call')`))
    .returning({ id: leads.id });
  if (!saved) throw new FormError("Wait for the call to end before recording its outcome.");
  await db.update(sessions).set({ activeLeadCallId: null }).where(and(eq(sessions.id, input.sessionId), eq(sessions.activeLeadCallId, input.leadCallId)));
  if (!row.session.autoConnect) return null;
  return callNextLead(db, input.sessionId);
}

/** Auto-connect after a lead who didn't pick up: the next is dialled by a job, off the webhook's path. */
export async function continueAutoConnect(sessionId: string): Promise<void> {
  await sendJob("phonebank.dial-next", { sessionId }).catch((error: unknown) => log.error({ err: error, sessionId }, "could not queue the next lead"));
}

/** The volunteer ends the lead's call from the page (their own line stays up): Twilio hangs up, and the call ends as usual. */
export async function hangUpOnLead(db: Db, sessionId: string, volunteerId: string): Promise<void> {
  const [row] = await db
    .select({ call: leadCalls })
    .from(sessions)
    .innerJoin(leadCalls, eq(leadCalls.id, sessions.activeLeadCallId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.volunteerId, volunteerId), isNull(sessions.endedAt)));
  if (!row || isFinalLeadCall(row.call.status)) throw new FormError("There is no call to hang up.");
  await sendJob("phonebank.hang-up-lead", { leadCallId: row.call.id });
}
