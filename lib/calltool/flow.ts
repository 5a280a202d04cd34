import "server-only";
import { z } from "zod";
import { VoiceResponse } from "../telephony/twiml";
import { callbackUrl } from "../telephony/urls";
import { MAX_MENU_ROUNDS } from "./call-state";
import type { CallScript } from "./call-schema";
import { phoneStrings } from "./phone-strings";

/**
 * The TwiML of a member's call, one builder per step:
 *
 *   start ──► message (a key only skips it) ──► menu
 *   menu: 1 ──► connect ──► <Dial> target ──► target-status
 *         2 ──► start (at most three replays, then the menu alone)
 *         a wrong key ──► "that isn't an option" + the menu; silence ──► the menu
 *         the third round without a valid choice ──► goodbye, saying why
 *   target-status: busy / no answer on the first dial ──► "press 1 to try again" ──► connect (dial 2)
 *                  otherwise ──► thanks if they talked, else "we couldn't reach them"; hang up
 *
 * Where the call is (attempt, replay, menu round, wrong keys, dial) travels in
 * the URLs handed to Twilio, which it signs: a step's answer depends only on
 * its URL and parameters, so a retried request is answered the same way and
 * counts once.
 */
export const STEPS = ["start", "menu", "connect", "target-answered", "target-status", "events"] as const;
export type Step = (typeof STEPS)[number];
export const MAX_REPLAYS = 3;
/** The "press 1 to try again" dial is the second; there is no third. */
export const MAX_DIALS = 2;

const count = (max: number) => z.coerce.number().int().min(0).max(max).catch(0);
const placeSchema = z.object({
  attempt: z.coerce.number().int().min(1).max(100).catch(1),
  replay: count(MAX_REPLAYS),
  round: count(MAX_MENU_ROUNDS),
  wrong: count(MAX_MENU_ROUNDS),
  dial: z.coerce.number().int().min(1).max(20).catch(1),
});
export type Place = z.infer<typeof placeSchema>;

/** The place a request's URL names. Twilio signed it, so it is ours; anything odd falls back to the start. */
export function readPlace(url: URL): Place {
  return placeSchema.parse(Object.fromEntries(url.searchParams));
}

export const stepUrl = (callId: string, step: Step, place: Partial<Place>) => callbackUrl(`/twilio/calls/${callId}/${step}`, place);
/** The member leg's status callback: retried by Twilio when we answer 5xx. */
export const eventsUrl = (callId: string, attempt: number) => stepUrl(callId, "events", { attempt });

// Twilio's <Say> language codes for our page languages (also the ones Twilio's 2016 XSD knows).
export type SayLanguage = NonNullable<Parameters<VoiceResponse["say"]>[0] extends infer A ? (A extends { language?: infer L } ? L : never) : never>;
export const sayLanguage = (language: string) => (["en", "fr", "de", "es"].includes(language) ? language : "en") as SayLanguage;

type Spoken = CallScript["message"];
export type Parent = { play(url: string): unknown; say(attributes: { language: SayLanguage }, text: string): unknown };

export function speak(parent: Parent, spoken: Spoken, language: string): void {
  if (spoken.url) parent.play(spoken.url);
  else parent.say({ language: sayLanguage(language) }, spoken.text);
}

function sayAndHangUp(text: string, language: string): VoiceResponse {
  const response = new VoiceResponse();
  response.say({ language: sayLanguage(language) }, text);
  response.hangup();
  return response;
}

/** The campaigner's message. A key pressed during it only skips to the menu (round 0 takes no choice). */
export function startTwiml(callId: string, place: Place, script: CallScript): VoiceResponse {
  const response = new VoiceResponse();
  const next = stepUrl(callId, "menu", { attempt: place.attempt, replay: place.replay, round: 0 });
  speak(response.gather({ numDigits: 1, timeout: 1, action: next }) as unknown as Parent, script.message, script.language);
  response.redirect(next);
  return response;
}

/** Menu round `place.round`, after "that isn't an option" when the last key was wrong. Keys are heard throughout. */
export function menuTwiml(callId: string, place: Place, script: CallScript, notAnOption: boolean): VoiceResponse {
  const response = new VoiceResponse();
  const next = stepUrl(callId, "menu", { attempt: place.attempt, replay: place.replay, round: place.round, wrong: place.wrong });
  const gather = response.gather({ numDigits: 1, timeout: 10, action: next }) as unknown as Parent;
  if (notAnOption) gather.say({ language: sayLanguage(script.language) }, phoneStrings(script.language).notAnOption);
  speak(gather, script.menu, script.language);
  response.redirect(next);
  return response;
}

export type MenuStep =
  | { kind: "connect" }
  | { kind: "replay"; replay: number }
  | { kind: "menu"; round: number; wrong: number; notAnOption: boolean }
  | { kind: "goodbye"; wrongKeys: boolean };

/**
 * What a menu request leads to. `place.round` is the round that just ended
 * (0: the message), `digits` what was pressed in it. A pure function of the
 * request, so Twilio's retry of it leads to the same step.
 */
export function menuStep(place: Place, digits: string): MenuStep {
  const next = (wrong: number, notAnOption: boolean): MenuStep =>
    place.round >= MAX_MENU_ROUNDS ? { kind: "goodbye", wrongKeys: wrong > 0 } : { kind: "menu", round: place.round + 1, wrong, notAnOption };
  if (place.round === 0) return { kind: "menu", round: 1, wrong: 0, notAnOption: false };
  if (digits === "1") return { kind: "connect" };
  if (digits === "2") return place.replay < MAX_REPLAYS ? { kind: "replay", replay: place.replay + 1 } : next(place.wrong, false);
  if (digits === "") return next(place.wrong, false);
  return next(place.wrong + 1, true);
}

export function redirectTwiml(callId: string, step: Step, place: Partial<Place>): VoiceResponse {
  const response = new VoiceResponse();
  response.redirect(stepUrl(callId, step, place));
  return response;
}

export function goodbyeTwiml(language: string, wrongKeys: boolean): VoiceResponse {
  const strings = phoneStrings(language);
  return sayAndHangUp(wrongKeys ? strings.goodbyeWrongKeys : strings.goodbyeNoChoice, language);
}

const DEFAULT_LIMITS = { memberSeconds: 30 * 60, dialSeconds: 20 * 60 };
export const callLimits = (script: CallScript) => script.limits ?? DEFAULT_LIMITS;

/** Dials the target and bridges them in; <Number url> tells us the moment they answer. Talk time is capped. */
export function connectTwiml(callId: string, place: Place, script: CallScript): VoiceResponse {
  const response = new VoiceResponse();
  const at = { attempt: place.attempt, dial: place.dial };
  const dial = response.dial({ callerId: script.callerId, timeout: 30, timeLimit: callLimits(script).dialSeconds, action: stepUrl(callId, "target-status", at) });
  dial.number({ url: stepUrl(callId, "target-answered", at), ...(script.target.extension ? { sendDigits: script.target.extension } : {}) }, script.target.phone);
  return response;
}

/** The first dial found the target busy or away: one more try, on 1. Said without a thank-you, as nobody was reached. */
export function targetRetryTwiml(callId: string, place: Place, script: CallScript, status: "busy" | "no-answer"): VoiceResponse {
  const strings = phoneStrings(script.language);
  const response = new VoiceResponse();
  const say = { language: sayLanguage(script.language) };
  const prompt = status === "busy" ? strings.targetBusyRetry(script.target.name) : strings.targetNoAnswerRetry(script.target.name);
  response.gather({ numDigits: 1, timeout: 8, action: stepUrl(callId, "connect", { attempt: place.attempt, dial: place.dial + 1 }) }).say(say, prompt);
  response.say(say, strings.targetNotReached(script.target.name));
  response.hangup();
  return response;
}

/** The end of the call after the target leg: thanks only if the member talked to them. */
export function afterDialTwiml(script: CallScript, talked: boolean): VoiceResponse {
  const strings = phoneStrings(script.language);
  return sayAndHangUp(talked ? strings.thanksForCalling : strings.targetNotReached(script.target.name), script.language);
}

export function unknownCallTwiml(): VoiceResponse {
  return sayAndHangUp(phoneStrings("en").unknownCall, "en");
}

/** For the target's <Number url>: nothing to say, just "they answered". Also what it answers when something failed: never a hang-up on the target. */
export function emptyTwiml(): VoiceResponse {
  return new VoiceResponse();
}
