import "server-only";
import { VoiceResponse } from "../telephony/twiml";
import { callbackUrl } from "../telephony/urls";

/**
 * The phone bank's TwiML, one builder per step (the auto-connect notes' paths):
 *
 *   volunteer dials in ─► consume: "enter your code" (<Gather numDigits=6>), three tries
 *     right code ─► <Dial timeout=300 action=stop-consuming><Queue url=call-status-event>queue-<code>
 *   lead answers ─► enqueue: <Enqueue action=call-status-event>queue-<code>, bridged to the waiting volunteer
 *     machine ─► voicemail message or hang up;  volunteer on another call or gone ─► apology, hang up
 *   stop-consuming: the volunteer's Dial ended ─► hung up: done; else (the lead left, or 300 s idle) ─► wait again
 */

export const CODE_TRIES = 3;
/** Idle rounds of the volunteer's 300-second wait before we hang up on a forgotten phone. */
export const MAX_IDLE_ROUNDS = 6;
const QUEUE_WAIT_SECONDS = 300;

export const queueName = (accessCode: string) => `queue-${accessCode}`;

export const consumeUrl = (tries?: number, silent?: boolean) => callbackUrl("/twilio-webhook/consume", { tries, silent: silent ? 1 : undefined });
export const leadCallUrl = (step: "enqueue" | "call-status-event", leadCallId: string) => callbackUrl(`/twilio-webhook/${step}`, { call: leadCallId });
const sessionUrl = (step: "stop-consuming" | "call-status-event", sessionId: string, query: Record<string, number> = {}) =>
  callbackUrl(`/twilio-webhook/${step}`, { session: sessionId, ...query });

function sayAndHangUp(text: string): VoiceResponse {
  const response = new VoiceResponse();
  response.say(text);
  response.hangup();
  return response;
}

/** Asks for the access code. `tries`: wrong or silent attempts so far; `silent`: the last one heard nothing. */
export function askForCodeTwiml(tries: number, silent = false): VoiceResponse {
  const response = new VoiceResponse();
  const prompt =
    tries === 0
      ? "Welcome to the phone bank. Enter the six-digit access code shown on your screen."
      : silent
        ? "We didn't hear a code. Enter the six-digit code shown on your screen."
        : "That code didn't match an open session. Enter the six-digit code shown on your screen.";
  response.gather({ numDigits: 6, timeout: 15, action: consumeUrl(tries) }).say(prompt);
  // Silence counts as a try.
  response.redirect(consumeUrl(tries + 1, true));
  return response;
}

export function wrongCodeGoodbyeTwiml(): VoiceResponse {
  return sayAndHangUp("Sorry, that code didn't work. Check the code on your screen and call again. Goodbye.");
}

/** The volunteer's line waits in their queue for the next lead; each lead put through is bridged to it. */
export function volunteerLineTwiml(sessionId: string, accessCode: string, greeting: "connected" | "next" | "still-here" | null, idleRounds = 0): VoiceResponse {
  const response = new VoiceResponse();
  if (greeting === "connected") response.say("You're connected. Keep this call open: each lead will be put through to you here.");
  if (greeting === "next") response.say("That call has ended. Record the outcome on your screen.");
  if (greeting === "still-here") response.say("Still here, waiting for the next lead.");
  response
    .dial({ timeout: QUEUE_WAIT_SECONDS, action: sessionUrl("stop-consuming", sessionId, idleRounds ? { idle: idleRounds } : {}) })
    .queue({ url: sessionUrl("call-status-event", sessionId) }, queueName(accessCode));
  return response;
}

export function idleGoodbyeTwiml(): VoiceResponse {
  return sayAndHangUp("No lead has come through for a long while, so we're hanging up. Dial in again when you're ready. Goodbye.");
}

/** The lead answered and their volunteer waits: into the volunteer's queue, which bridges them at once. */
export function enqueueLeadTwiml(leadCallId: string, accessCode: string): VoiceResponse {
  const response = new VoiceResponse();
  response.enqueue({ action: leadCallUrl("call-status-event", leadCallId) }, queueName(accessCode));
  return response;
}

/** The "on another call" guard: the volunteer took another call or hung up. Never leave a lead in silence. */
export function volunteerUnavailableTwiml(): VoiceResponse {
  return sayAndHangUp("Sorry, our volunteer has just become unavailable. We'll try you again another time. Goodbye.");
}

/** Answering-machine detection found a machine: the phone bank's voicemail message, or nothing. */
export function machineTwiml(voicemailMessage: string): VoiceResponse {
  const response = new VoiceResponse();
  if (voicemailMessage) response.say(voicemailMessage);
  response.hangup();
  return response;
}

export function hangUpTwiml(): VoiceResponse {
  const response = new VoiceResponse();
  response.hangup();
  return response;
}

/** Nothing to say: the lead is about to be bridged. */
export function emptyTwiml(): VoiceResponse {
  return new VoiceResponse();
}

export function unknownCallTwiml(): VoiceResponse {
  return sayAndHangUp("Sorry, we couldn't find this call. Goodbye.");
}
