import "server-only";
import { VoiceResponse } from "../telephony/twiml";
import { callbackUrl } from "../telephony/urls";
import type { CallScript } from "./call-schema";
import { memberStrings } from "./member-strings";

/**
 * The TwiML of a member's call, one builder per step:
 *
 *   start ──► message (a key skips to the menu) ──► menu
 *   menu: 1 ──► connect ──► <Dial> target ──► target-status
 *         2 ──► start
 *         else, or silence ──► menu again; the fourth time, goodbye
 *   target-status: busy / no answer ──► "press 1 to try again" (once) ──► connect
 *                  otherwise ──► thanks, hang up
 */
export const STEPS = ["start", "menu", "connect", "target-answered", "target-status", "events"] as const;
export type Step = (typeof STEPS)[number];
export const MAX_MENU_ROUNDS = 3;

export const stepUrl = (callId: string, step: Step) => callbackUrl(`/twilio/calls/${callId}/${step}`);

// Twilio's <Say> language codes for our page languages (also the ones Twilio's 2016 XSD knows).
type SayLanguage = NonNullable<Parameters<VoiceResponse["say"]>[0] extends infer A ? (A extends { language?: infer L } ? L : never) : never>;
const sayLanguage = (language: string) => (["en", "fr", "de", "es"].includes(language) ? language : "en") as SayLanguage;

type Spoken = CallScript["message"];
type Parent = { play(url: string): unknown; say(attributes: { language: SayLanguage }, text: string): unknown };

function speak(parent: Parent, spoken: Spoken, language: string): void {
  if (spoken.url) parent.play(spoken.url);
  else parent.say({ language: sayLanguage(language) }, spoken.text);
}

function sayAndHangUp(text: string, language: string): VoiceResponse {
  const response = new VoiceResponse();
  response.say({ language: sayLanguage(language) }, text);
  response.hangup();
  return response;
}

/** The campaigner's message; a key pressed during it goes straight to the menu. */
export function startTwiml(callId: string, script: CallScript): VoiceResponse {
  const response = new VoiceResponse();
  speak(response.gather({ numDigits: 1, timeout: 1, action: stepUrl(callId, "menu") }) as unknown as Parent, script.message, script.language);
  response.redirect(stepUrl(callId, "menu"));
  return response;
}

export function menuTwiml(callId: string, script: CallScript): VoiceResponse {
  const response = new VoiceResponse();
  speak(response.gather({ numDigits: 1, timeout: 10, action: stepUrl(callId, "menu") }) as unknown as Parent, script.menu, script.language);
  response.redirect(stepUrl(callId, "menu"));
  return response;
}

export function redirectTwiml(callId: string, step: Step): VoiceResponse {
  const response = new VoiceResponse();
  response.redirect(stepUrl(callId, step));
  return response;
}

export function goodbyeTwiml(language: string): VoiceResponse {
  return sayAndHangUp(memberStrings(language).goodbye, language);
}

/** Dials the target and bridges them in; <Number url> tells us the moment they answer. */
export function connectTwiml(callId: string, script: CallScript): VoiceResponse {
  const response = new VoiceResponse();
  const dial = response.dial({ callerId: script.callerId, timeout: 30, action: stepUrl(callId, "target-status") });
  dial.number({ url: stepUrl(callId, "target-answered"), ...(script.target.extension ? { sendDigits: script.target.extension } : {}) }, script.target.phone);
  return response;
}

export function targetRetryTwiml(callId: string, script: CallScript): VoiceResponse {
  const response = new VoiceResponse();
  response.gather({ numDigits: 1, timeout: 8, action: stepUrl(callId, "connect") }).say({ language: sayLanguage(script.language) }, memberStrings(script.language).targetRetry(script.target.name));
  response.say({ language: sayLanguage(script.language) }, memberStrings(script.language).thanksForCalling);
  response.hangup();
  return response;
}

export function thanksTwiml(language: string): VoiceResponse {
  return sayAndHangUp(memberStrings(language).thanksForCalling, language);
}

export function unknownCallTwiml(): VoiceResponse {
  return sayAndHangUp(memberStrings("en").unknownCall, "en");
}

/** For the target's <Number url>: nothing to say, just "they answered". */
export function emptyTwiml(): VoiceResponse {
  return new VoiceResponse();
}
