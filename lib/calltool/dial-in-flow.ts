import "server-only";
import { z } from "zod";
import { VoiceResponse } from "../telephony/twiml";
import { callbackUrl } from "../telephony/urls";
import { MAX_MENU_ROUNDS } from "./call-state";
import type { CallScript } from "./call-schema";
import { dialInStrings } from "./dial-in-strings";
import { goodbyeTwiml, sayLanguage, speak, stepUrl, type Parent } from "./flow";
import { phoneStrings } from "./phone-strings";

/**
 * The TwiML of a member who dials a call tool's number, up to the moment
 * their call exists; then the usual menu and connect steps (flow.ts) take over:
 *
 *   dial-in: the caller's number checked ──► the campaign's message (a key only skips it)
 *     ──► choose: "for Ada Lovelace press 1…" (one target, or random: no question)
 *     ──► postcode (postcode mode): keyed postcode + # ──► its target(s) ──► choose among several
 *           not found: "try again" once, then the campaigner's fallback (random, the list, or sorry)
 *   a target chosen ──► the call is created ──► "You're calling X" ──► menu (flow.ts)
 *
 * Like flow.ts, where the caller is (round, tries, the postcode keyed) travels
 * in the signed URL, so a retried request is answered the same way.
 */
export const DIAL_IN_STEPS = ["choose", "postcode"] as const;
export type DialInStep = (typeof DIAL_IN_STEPS)[number];
/** A postcode not found is asked again once; the second miss takes the fallback. */
export const POSTCODE_TRIES = 2;

const placeSchema = z.object({
  plugin: z.uuid().catch(""),
  round: z.coerce.number().int().min(0).max(MAX_MENU_ROUNDS).catch(0),
  wrong: z.coerce.number().int().min(0).max(MAX_MENU_ROUNDS).catch(0),
  tries: z.coerce.number().int().min(0).max(POSTCODE_TRIES).catch(0),
  /** A postcode keyed and found: the choice is among its targets. */
  postcode: z.string().regex(/^\d{1,12}$/).catch(""),
  /** The request comes from the message: a key pressed then only skipped it. */
  ask: z.enum(["1"]).optional().catch(undefined),
});
export type DialInPlace = z.infer<typeof placeSchema>;

export const readDialInPlace = (url: URL): DialInPlace => placeSchema.parse(Object.fromEntries(url.searchParams));

export const dialInUrl = (step: DialInStep, place: Partial<DialInPlace>) =>
  callbackUrl(`/twilio/dial-in/${step}`, Object.fromEntries(Object.entries(place).filter(([, value]) => value !== "" && value !== undefined)) as Record<string, string | number>);

const say = (language: string) => ({ language: sayLanguage(language) });

export function sayAndHangUpTwiml(text: string, language: string): VoiceResponse {
  const response = new VoiceResponse();
  response.say(say(language), text);
  response.hangup();
  return response;
}

/** The campaign's message; a key pressed during it only skips to the choice. */
export function greetingTwiml(pluginId: string, message: CallScript["message"], language: string, postcodeMode: boolean): VoiceResponse {
  const response = new VoiceResponse();
  const next = postcodeMode ? dialInUrl("postcode", { plugin: pluginId, ask: "1" }) : dialInUrl("choose", { plugin: pluginId, ask: "1" });
  speak(response.gather({ numDigits: 1, timeout: 1, action: next }) as unknown as Parent, message, language);
  response.redirect(next);
  return response;
}

export type Choice = { key: number; name: string; title: string };

/** "For Ada Lovelace, MP, press 1…": one key up to 9 choices, then keys and hash. Silence or a wrong key comes back as the next round. */
export function pickTwiml(place: DialInPlace, choices: Choice[], language: string, notAnOption: boolean): VoiceResponse {
  const response = new VoiceResponse();
  const long = choices.length > 9;
  const next = dialInUrl("choose", { plugin: place.plugin, postcode: place.postcode, round: place.round, wrong: place.wrong });
  const gather = response.gather({ numDigits: long ? String(choices.length).length : 1, finishOnKey: "#", timeout: 8, action: next });
  if (notAnOption) gather.say(say(language), phoneStrings(language).notAnOption);
  gather.say(say(language), dialInStrings(language).pick(choices, long));
  response.redirect(next);
  return response;
}

/** Asks for the postcode, after "we couldn't find that postcode" when the last one wasn't known. */
export function postcodeAskTwiml(place: DialInPlace, language: string, zip: boolean, notFound: boolean): VoiceResponse {
  const strings = dialInStrings(language);
  const response = new VoiceResponse();
  const next = dialInUrl("postcode", { plugin: place.plugin, tries: place.tries });
  const gather = response.gather({ numDigits: 12, finishOnKey: "#", timeout: 10, action: next });
  if (notFound) gather.say(say(language), `${strings.postcodeNotFound} ${strings.tryAgain}`);
  gather.say(say(language), strings.postcodePrompt(zip));
  // Silence: asked once more, then goodbye (the `ask` flag keeps the count honest).
  response.redirect(dialInUrl("postcode", { plugin: place.plugin, tries: place.tries, round: place.round + 1, ask: "1" }));
  return response;
}

/** The caller's call exists: who they are calling, then the usual menu (its round 0 leads to round 1). */
export function putThroughTwiml(callId: string, script: CallScript, preface?: string): VoiceResponse {
  const response = new VoiceResponse();
  if (preface) response.say(say(script.language), preface);
  response.say(say(script.language), dialInStrings(script.language).putThrough(script.target.name));
  response.redirect(stepUrl(callId, "menu", { attempt: 1, round: 0 }));
  return response;
}

/** A choice step before the postcode fallback's list: "we couldn't find that postcode", then the list. */
export function prefacedRedirectTwiml(text: string, language: string, url: string): VoiceResponse {
  const response = new VoiceResponse();
  response.say(say(language), text);
  response.redirect(url);
  return response;
}

export { goodbyeTwiml };
