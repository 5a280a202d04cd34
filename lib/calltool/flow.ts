import "server-only";
import { z } from "zod";
import { VoiceResponse } from "../telephony/twiml";
import { callbackUrl } from "../telephony/urls";
import { MAX_MENU_ROUNDS } from "./call-state";
import type { CallScript } from "./call-schema";
import { phoneStrings } from "./phone-strings";
import { scriptTargets, targetAt } from "./sequence";

/**
 * The TwiML of a member's call, one builder per step:
 *
 *   start ──► message (a key only skips it) ──► menu
 *   start with AnsweredBy=machine… (detection on) ──► hang up, no message (recalled as unanswered)
 *   on a recall (attempt > 1), 9 during the message or the menu ──► "we won't call again"; hang up
 *   menu: 1 ──► connect ──► <Dial> target ──► target-status
 *         2 ──► start (at most three replays, then the menu alone)
 *         a wrong key ──► "that isn't an option" + the menu; silence ──► the menu
 *         the third round without a valid choice ──► goodbye, saying why
 *   target-status and next: the next target, a busy line's wait and redial, "press 1 to try again",
 *                  or the goodbye (thanks only if they talked to someone): see flow-sequence.ts
 *
 * Where the call is (attempt, replay, menu round, wrong keys, dial) travels in
 * the URLs handed to Twilio, which it signs: a step's answer depends only on
 * its URL and parameters, so a retried request is answered the same way and
 * counts once.
 */
export const STEPS = ["start", "menu", "connect", "target-answered", "target-status", "next", "events"] as const;
export type Step = (typeof STEPS)[number];
export const MAX_REPLAYS = 3;
/** Dials in one call at most: targets × (first dial, busy redials, the "press 1" retry). A bound for URLs, not a rule. */
export const MAX_DIALS = 200;
/** Targets in one call at most, pinned ones included. */
export const MAX_POSITIONS = 50;

const count = (max: number) => z.coerce.number().int().min(0).max(max).catch(0);
const placeSchema = z.object({
  attempt: z.coerce.number().int().min(1).max(100).catch(1),
  replay: count(MAX_REPLAYS),
  round: count(MAX_MENU_ROUNDS),
  wrong: count(MAX_MENU_ROUNDS),
  dial: z.coerce.number().int().min(1).max(MAX_DIALS).catch(1),
  /** The target's place in the call's sequence, from 1. */
  pos: z.coerce.number().int().min(1).max(MAX_POSITIONS).catch(1),
  /** Automatic redials of this target's busy line so far. */
  redial: count(10),
  /** 1 once the member pressed 1 to try this target again. */
  again: count(1),
  /** Targets the member has talked to so far in this call. */
  met: count(MAX_POSITIONS),
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

/**
 * The campaigner's message. A key pressed during it only skips to the menu
 * (round 0 takes no choice), except 9 on a recall, which stops the recalls;
 * a recall says so before the message.
 */
export function startTwiml(callId: string, place: Place, script: CallScript): VoiceResponse {
  const response = new VoiceResponse();
  const next = stepUrl(callId, "menu", { attempt: place.attempt, replay: place.replay, round: 0 });
  const gather = response.gather({ numDigits: 1, timeout: 1, action: next }) as unknown as Parent;
  if (place.attempt > 1 && place.replay === 0) gather.say({ language: sayLanguage(script.language) }, phoneStrings(script.language).recallIntro);
  speak(gather, script.message, script.language);
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
  | { kind: "stop-recalls" }
  | { kind: "replay"; replay: number }
  | { kind: "menu"; round: number; wrong: number; notAnOption: boolean }
  | { kind: "goodbye"; wrongKeys: boolean };

/**
 * What a menu request leads to. `place.round` is the round that just ended
 * (0: the message), `digits` what was pressed in it. A pure function of the
 * request, so Twilio's retry of it leads to the same step.
 */
export function menuStep(place: Pick<Place, "attempt" | "round" | "replay" | "wrong">, digits: string): MenuStep {
  const next = (wrong: number, notAnOption: boolean): MenuStep =>
    place.round >= MAX_MENU_ROUNDS ? { kind: "goodbye", wrongKeys: wrong > 0 } : { kind: "menu", round: place.round + 1, wrong, notAnOption };
  // On a recall, 9 at any point means "don't call me again".
  if (place.attempt > 1 && digits === "9") return { kind: "stop-recalls" };
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

/** After 9 on a recall: no more calls, and the member is told so. */
export function recallsStoppedTwiml(language: string): VoiceResponse {
  return sayAndHangUp(phoneStrings(language).recallsStopped, language);
}

/** Answering-machine detection found a machine: hang up without the message; the attempt counts as unanswered and is recalled. */
export function machineTwiml(): VoiceResponse {
  const response = new VoiceResponse();
  response.hangup();
  return response;
}

export function goodbyeTwiml(language: string, wrongKeys: boolean): VoiceResponse {
  const strings = phoneStrings(language);
  return sayAndHangUp(wrongKeys ? strings.goodbyeWrongKeys : strings.goodbyeNoChoice, language);
}

const DEFAULT_LIMITS = { memberSeconds: 30 * 60, dialSeconds: 20 * 60 };
export const callLimits = (script: CallScript) => script.limits ?? DEFAULT_LIMITS;

/** Where a dial is, as its URLs carry it: everything the steps after it need. */
export const dialPlace = (place: Place) => ({ attempt: place.attempt, dial: place.dial, pos: place.pos, redial: place.redial, again: place.again, met: place.met });

/**
 * Dials the target at `place.pos` and bridges them in; <Number url> tells us
 * the moment they answer. Talk time is capped. With several targets, * ends
 * the conversation (hangupOnStar) and the Dial's action moves on.
 */
export function connectTwiml(callId: string, place: Place, script: CallScript): VoiceResponse {
  const response = new VoiceResponse();
  const target = targetAt(script, place.pos);
  const total = scriptTargets(script).length;
  const several = total > 1;
  if (several && place.pos === 1 && !place.redial && !place.again) response.say({ language: sayLanguage(script.language) }, phoneStrings(script.language).sequenceIntro(total));
  const dial = response.dial({
    callerId: target.callerId || script.callerId,
    timeout: 30,
    timeLimit: callLimits(script).dialSeconds,
    action: stepUrl(callId, "target-status", dialPlace(place)),
    ...(several ? { hangupOnStar: true } : {}),
  });
  dial.number({ url: stepUrl(callId, "target-answered", { attempt: place.attempt, dial: place.dial }), ...(target.extension ? { sendDigits: target.extension } : {}) }, target.phone);
  return response;
}

/**
 * The target was busy or away: one more try, on 1. Said without a thank-you,
 * as nobody was reached. Without a key, the call moves on (the next target,
 * or goodbye).
 */
export function targetRetryTwiml(callId: string, place: Place, script: CallScript, status: "busy" | "no-answer"): VoiceResponse {
  const strings = phoneStrings(script.language);
  const response = new VoiceResponse();
  const say = { language: sayLanguage(script.language) };
  const name = targetAt(script, place.pos).name;
  const prompt = status === "busy" ? strings.targetBusyRetry(name) : strings.targetNoAnswerRetry(name);
  const again = { ...dialPlace(place), dial: place.dial + 1, again: 1 };
  response.gather({ numDigits: 1, timeout: 8, action: stepUrl(callId, "connect", again) }).say(say, prompt);
  response.redirect(stepUrl(callId, "next", dialPlace(place)));
  return response;
}

/** The end of the call after the target leg: thanks only if the member talked to someone; `missed` names the last target when it wasn't reached. */
export function afterDialTwiml(script: CallScript, talked: boolean, missed: string = script.target.name): VoiceResponse {
  const strings = phoneStrings(script.language);
  return sayAndHangUp(talked ? strings.thanksForCalling : strings.targetNotReached(missed), script.language);
}

export function unknownCallTwiml(): VoiceResponse {
  return sayAndHangUp(phoneStrings("en").unknownCall, "en");
}

/** For the target's <Number url>: nothing to say, just "they answered". Also what it answers when something failed: never a hang-up on the target. */
export function emptyTwiml(): VoiceResponse {
  return new VoiceResponse();
}
