import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { log } from "../log";
import { placeCall, type PlaceCall, type PlacedCall } from "../telephony/calls";
import { TelephonyError } from "../telephony/errors";
import { reserveSlot } from "../telephony/pacing";
import { endLeadCall } from "./lead-calls";
import { claimNextLead } from "./leads";
import { leadCallUrl } from "./flow";
import { leadCalls, phoneBanks, sessions, type LeadCall } from "./schema";

/** Seconds a lead's phone rings before it counts as no answer. */
export const LEAD_RING_SECONDS = 30;

/**
 * Every call to a lead goes through here: it waits for the account's next
 * pacing slot (TWILIO_CPS, shared with every outbound call of the app and
 * every instance, lib/telephony/pacing.ts), then asks Twilio. A volunteer
 * clicked for it, so a wait of a second or two is theirs to see.
 */
export async function placeLeadCall(db: Db, call: PlaceCall): Promise<PlacedCall> {
  const slot = await reserveSlot(db);
  if (slot.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, slot.waitMs));
  return placeCall(call);
}

export type NextLead =
  | { ok: true; leadCall: LeadCall; leadName: string }
  | { ok: false; reason: "no-session" | "not-connected" | "busy" | "closed" | "no-caller-id" | "no-leads" | "refused" | "twilio-busy"; message: string };

const refuse = (reason: Extract<NextLead, { ok: false }>["reason"], message: string): NextLead => ({ ok: false, reason, message });

/**
 * "Call next lead": claims a lead and records the call as the session's
 * active call, in one transaction, before Twilio is asked to dial. Twilio's
 * first webhook can then never arrive before the app knows the call (the
 * auto-connect notes' "registerActiveTwilioCall does not set active" race).
 */
export async function callNextLead(db: Db, sessionId: string): Promise<NextLead> {
  const started = await db.transaction(async (tx): Promise<NextLead | { ok: true; leadCall: LeadCall; leadName: string; phone: string; callerId: string; machineDetection: boolean; voicemail: boolean }> => {
    // The session's row lock serialises two clicks on one session: one call at a time.
    const [session] = await tx.select().from(sessions).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt))).for("update");
    if (!session) return refuse("no-session", "Your session has ended. Join the phone bank again.");
    if (session.status !== "connected") return refuse("not-connected", "Dial in and enter your code first: leads are put through to your phone.");
    if (session.activeLeadCallId) return refuse("busy", "You're already on a call.");
    const [bank] = await tx.select().from(phoneBanks).where(eq(phoneBanks.id, session.phoneBankId));
    if (!bank || bank.status !== "open") return refuse("closed", "This phone bank is closed.");
    if (!bank.callerId) return refuse("no-caller-id", "This phone bank has no caller ID yet. Ask the campaign team to choose one.");
    const lead = await claimNextLead(tx as unknown as Db, bank);
    if (!lead) return refuse("no-leads", "No lead can be called right now: the list is done, or it's outside calling hours for the rest.");
    const [leadCall] = await tx.insert(leadCalls).values({ phoneBankId: bank.id, leadId: lead.id, sessionId, attempt: lead.attempts }).returning();
    await tx.update(sessions).set({ activeLeadCallId: leadCall!.id }).where(eq(sessions.id, sessionId));
    return {
      ok: true,
      leadCall: leadCall!,
      leadName: lead.name,
      phone: lead.phone,
      callerId: bank.callerId,
      machineDetection: bank.machineDetection,
      voicemail: bank.voicemailMessage !== "",
    };
  });
  if (!started.ok || !("phone" in started)) return started;

  const { leadCall } = started;
  try {
    const placed = await placeLeadCall(db, {
      to: started.phone,
      from: started.callerId,
      url: leadCallUrl("enqueue", leadCall.id),
      statusCallback: leadCallUrl("call-status-event", leadCall.id),
      statusCallbackEvents: ["initiated", "ringing", "answered", "completed"],
      timeout: LEAD_RING_SECONDS,
      // With a voicemail message, wait for the beep so the message lands on the recording.
      machineDetection: started.machineDetection ? (started.voicemail ? "DetectMessageEnd" : "Enable") : undefined,
    });
    await db
      .update(leadCalls)
      .set({ twilioCallSid: sql`coalesce(${leadCalls.twilioCallSid}, ${placed.sid})` })
      .where(eq(leadCalls.id, leadCall.id));
    return { ok: true, leadCall, leadName: started.leadName };
  } catch (error) {
    if (!(error instanceof TelephonyError)) throw error;
    // No answer from Twilio at all: it may have placed the call, so wait for its callbacks (the sweep job gives up on silence).
    if (error.status === 0) return { ok: true, leadCall, leadName: started.leadName };
    const refused = !error.retryable;
    await endLeadCall(db, leadCall.id, refused ? "refused" : "lost", { errorCode: error.code, errorMessage: error.message });
    log.warn({ leadCallId: leadCall.id, code: error.code }, refused ? "Twilio refused a lead's number" : "Twilio could not take a lead call now");
    return refused
      ? refuse("refused", `Twilio refused ${started.leadName}'s number (${error.reason}) Call the next lead.`)
      : refuse("twilio-busy", "The phone service is busy. Try again in a minute.");
  }
}
