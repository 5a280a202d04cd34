import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { sendJob } from "../jobs";
import { recordHit } from "../rate-limit";
import { accepted, type TwilioParams } from "../telephony/webhook";
import type { VoiceResponse } from "../telephony/twiml";
import {
  askForCodeTwiml,
  CODE_TRIES,
  emptyTwiml,
  enqueueLeadTwiml,
  hangUpTwiml,
  idleGoodbyeTwiml,
  machineTwiml,
  MAX_IDLE_ROUNDS,
  unknownCallTwiml,
  volunteerLineTwiml,
  volunteerUnavailableTwiml,
  wrongCodeGoodbyeTwiml,
} from "./flow";
import { answerLeadCall, bridgeLeadCall, endLeadCall, recordLeadCallProgress } from "./lead-calls";
import { sessions } from "./schema";
import { isUuid } from "./service";
import { connectVolunteerLine } from "./sessions";
import type { LeadCallStatus } from "./states";
import { badRequest, consumeParams, dialResultParams, enqueueParams, flatten, lineStatusParams, readCallStatusEvent } from "./twilio-params";
import { continueAutoConnect, volunteerHungUp } from "./volunteer";

/**
 * What each /twilio-webhook route does, given Twilio's parameters and the ids
 * in its URL. One or two statements each; anything slow (REST calls to
 * Twilio, dialling the next lead) is left to a job.
 */

/** Wrong codes one phone may type in an hour, across calls. */
export const WRONG_CODES_PER_HOUR = 10;

const count = (value: string | null, max: number) => Math.min(max, Math.max(0, Number.parseInt(value ?? "0", 10) || 0));

/** The volunteer's call: ask for the code, check it, make their line the queue's consumer. */
export async function consume(db: Db, params: TwilioParams, url: URL): Promise<VoiceResponse | Response> {
  const parsed = consumeParams.safeParse(flatten(params));
  if (!parsed.success) return badRequest("consume");
  const tries = count(url.searchParams.get("tries"), CODE_TRIES);
  const digits = parsed.data.Digits;
  if (digits === undefined) return tries >= CODE_TRIES ? wrongCodeGoodbyeTwiml() : askForCodeTwiml(tries, url.searchParams.has("silent"));
  const session = await connectVolunteerLine(db, digits, parsed.data.CallSid);
  // Called in again from another phone: only the newest line may take leads.
  if (session?.replacedLine) await sendJob("phonebank.hang-up-line", { callSid: session.replacedLine });
  if (session) return volunteerLineTwiml(session.id, session.accessCode, "connected");
  // Codes are a million: a phone that keeps guessing is cut short, whatever call it guesses on.
  const wrongThisHour = await recordHit(db, { bucket: "phone-bank-code", key: parsed.data.From, windowSeconds: 3600 });
  return tries + 1 >= CODE_TRIES || wrongThisHour > WRONG_CODES_PER_HOUR ? wrongCodeGoodbyeTwiml() : askForCodeTwiml(tries + 1);
}

/**
 * The volunteer's <Dial> ended. They hung up: the session is disconnected and
 * a call in flight abandoned. Otherwise the lead left, or 300 s passed with
 * nobody: wait again, up to MAX_IDLE_ROUNDS idle rounds in a row.
 */
export async function stopConsuming(db: Db, params: TwilioParams, url: URL): Promise<VoiceResponse | Response> {
  const parsed = dialResultParams.safeParse(flatten(params));
  if (!parsed.success) return badRequest("stop-consuming");
  const sessionId = url.searchParams.get("session") ?? "";
  const { CallSid, CallStatus, DialCallStatus } = parsed.data;
  if (CallStatus === "completed") {
    await volunteerHungUp(db, sessionId, CallSid);
    return hangUpTwiml();
  }
  const [session] = isUuid(sessionId)
    ? await db
        .select({ id: sessions.id, accessCode: sessions.accessCode })
        .from(sessions)
        .where(and(eq(sessions.id, sessionId), eq(sessions.consumerCallSid, CallSid), isNull(sessions.endedAt)))
    : [];
  if (!session) return hangUpTwiml(); // the session ended, or this line was replaced by a newer one
  if (DialCallStatus === "completed" || DialCallStatus === "answered") return volunteerLineTwiml(session.id, session.accessCode, "next");
  const idle = count(url.searchParams.get("idle"), MAX_IDLE_ROUNDS) + 1;
  if (idle >= MAX_IDLE_ROUNDS) {
    await volunteerHungUp(db, session.id, CallSid);
    return idleGoodbyeTwiml();
  }
  return volunteerLineTwiml(session.id, session.accessCode, "still-here", idle);
}

/** The lead answered: bridge them to their volunteer, unless a machine answered or the volunteer can't take them. */
export async function enqueue(db: Db, params: TwilioParams, url: URL): Promise<VoiceResponse | Response> {
  const parsed = enqueueParams.safeParse(flatten(params));
  if (!parsed.success) return badRequest("enqueue");
  const leadCallId = url.searchParams.get("call") ?? "";
  const leg = { callSid: parsed.data.CallSid };
  const verdict = await answerLeadCall(db, leadCallId, leg, parsed.data.AnsweredBy ?? "");
  if (!verdict) return unknownCallTwiml();
  if (verdict.outcome === "answered") return enqueueLeadTwiml(leadCallId, verdict.accessCode);
  if (verdict.outcome === "gone") return volunteerUnavailableTwiml();
  await settled(db, leadCallId, verdict.outcome, leg);
  return verdict.outcome === "machine" ? machineTwiml(verdict.voicemailMessage) : volunteerUnavailableTwiml();
}

/** Ends a call and, in auto-connect, has the next lead dialled when this one came to nothing. */
async function settled(db: Db, leadCallId: string, to: LeadCallStatus | "completed-or-dropped", leg: Parameters<typeof endLeadCall>[3]): Promise<void> {
  const ended = await endLeadCall(db, leadCallId, to, leg);
  // Already over (the queue's result came first): Twilio's late word on the leg is still kept.
  if (!ended) await recordLeadCallProgress(db, leadCallId, false, leg ?? {});
  if (ended && ended.lead.status !== "answered" && ended.auto_connect && ended.session_status === "connected" && ended.status !== "abandoned") {
    await continueAutoConnect(ended.session_id);
  }
}

const END_OF_CALL: Record<string, LeadCallStatus | "completed-or-dropped"> = {
  completed: "completed-or-dropped",
  busy: "busy",
  "no-answer": "no-answer",
  failed: "failed",
  canceled: "abandoned",
};

const QUEUE_END: Record<string, LeadCallStatus | "completed-or-dropped" | null> = {
  bridged: "completed-or-dropped",
  "redirected-from-bridged": "completed-or-dropped",
  hangup: "dropped",
  "queue-full": "failed",
  error: "failed",
  "system-error": "failed",
};

/** The lead's status callbacks, the moment the volunteer takes them off the queue, and their leaving it. */
export async function callStatusEvent(db: Db, params: TwilioParams, url: URL): Promise<VoiceResponse | Response> {
  const event = readCallStatusEvent(params);
  if (!event) return badRequest("call-status-event");
  if (event.kind === "dequeue") {
    const { CallSid, QueueSid, QueueTime, DequeingCallSid } = event.params;
    const bridged = await bridgeLeadCall(db, url.searchParams.get("session") ?? "", CallSid, { queueSid: QueueSid, queueTime: QueueTime, dequeuedBy: DequeingCallSid });
    // Whoever else is in the queue is not this volunteer's lead: never bridge a stranger.
    return bridged ? emptyTwiml() : volunteerUnavailableTwiml();
  }
  const leadCallId = url.searchParams.get("call") ?? "";
  if (event.kind === "queue-result") {
    const { CallSid, QueueResult } = event.params;
    const to = QUEUE_END[QueueResult];
    if (to) await settled(db, leadCallId, to, { callSid: CallSid });
    // Out of the queue and off the volunteer's line: nothing more for the lead.
    return hangUpTwiml();
  }
  const { CallSid, CallStatus, SequenceNumber, CallDuration, ErrorCode, ErrorMessage } = event.params;
  const leg = { callSid: CallSid, callStatus: CallStatus, sequence: SequenceNumber, duration: CallDuration, errorCode: ErrorCode, errorMessage: ErrorMessage };
  const end = END_OF_CALL[CallStatus];
  if (end) await settled(db, leadCallId, end, leg);
  else await recordLeadCallProgress(db, leadCallId, CallStatus === "initiated" || CallStatus === "ringing", leg);
  return accepted();
}

/** The volunteer's line ended (the number's status callback): it may have been between two <Dial>s, where no action tells us. */
export async function lineStatus(db: Db, params: TwilioParams): Promise<Response> {
  const parsed = lineStatusParams.safeParse(flatten(params));
  if (!parsed.success) return badRequest("line-status");
  if (!["completed", "busy", "failed", "no-answer", "canceled"].includes(parsed.data.CallStatus)) return accepted();
  const [session] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.consumerCallSid, parsed.data.CallSid), isNull(sessions.endedAt)));
  if (session) await volunteerHungUp(db, session.id, parsed.data.CallSid);
  return accepted();
}
