import "server-only";
import type { Db } from "../db/client";
import { clipUrls } from "../pages/public";
import type { CallTargetRow } from "../pages/schema";
import type { VoiceResponse } from "../telephony/twiml";
import { param, type TwilioParams } from "../telephony/webhook";
import { MAX_MENU_ROUNDS } from "./call-state";
import { checkCaller, findDialInTool, loadDialInTool, startInboundCall, type DialInTool } from "./dial-in";
import { dialInUrl, goodbyeTwiml, greetingTwiml, pickTwiml, postcodeAskTwiml, prefacedRedirectTwiml, putThroughTwiml, sayAndHangUpTwiml, POSTCODE_TRIES, type DialInPlace } from "./dial-in-flow";
import { dialInStrings } from "./dial-in-strings";
import { postcodeOutcome } from "./postcode";
import { areaOfKeyedPostcode } from "./postcode-service";

/**
 * What each dial-in request answers (routes under app/twilio/dial-in stay
 * thin). Each answer depends only on the signed URL and Twilio's parameters,
 * except a random target, which the call, once made, keeps: Twilio's retry
 * of that request finds the call by its CallSid.
 */

/** The number's voice URL: who is calling, may they, and the campaign's message. */
export async function dialInAnswer(db: Db, params: TwilioParams): Promise<VoiceResponse> {
  const tool = await findDialInTool(db, param(params, "To"));
  if (!tool) return sayAndHangUpTwiml(dialInStrings("en").notTakingCalls, "en");
  const language = tool.page.language;
  const caller = await checkCaller(db, tool, param(params, "From"), param(params, "CallSid"));
  if (!caller.ok) return sayAndHangUpTwiml(dialInStrings(language).refused[caller.refusal], language);
  const clipId = tool.config.message.clipId;
  const url = clipId ? ((await clipUrls(db, [clipId])).get(clipId) ?? null) : null;
  return greetingTwiml(tool.plugin.id, { url, text: tool.config.message.text }, language, tool.config.selectionMode === "postcode");
}

async function putThrough(db: Db, tool: DialInTool, target: CallTargetRow, params: TwilioParams, preface?: string): Promise<VoiceResponse> {
  const language = tool.page.language;
  const started = await startInboundCall(db, tool, target, params);
  if (!started.ok) {
    const strings = dialInStrings(language);
    return sayAndHangUpTwiml(started.refusal === "no-caller-id" ? strings.notTakingCalls : strings.refused[started.refusal], language);
  }
  return putThroughTwiml(started.call.id, started.call.script, preface);
}

const random = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

/** The targets the caller chooses among: all, or those of the postcode they keyed. */
async function offered(db: Db, tool: DialInTool & { targets: CallTargetRow[] }, place: DialInPlace): Promise<CallTargetRow[]> {
  if (!place.postcode) return tool.targets;
  const area = await areaOfKeyedPostcode(db, tool.plugin.id, tool.config.postcodeCountry, place.postcode);
  const outcome = postcodeOutcome(area, tool.targets, "pick");
  return outcome.found ? outcome.targets : tool.targets;
}

/** The choice of target by keypad: a key per target (keys and # past nine). Three rounds without a valid key end the call. */
export async function chooseStep(db: Db, place: DialInPlace, params: TwilioParams): Promise<VoiceResponse> {
  const tool = await loadDialInTool(db, place.plugin);
  if (!tool) return sayAndHangUpTwiml(dialInStrings("en").notTakingCalls, "en");
  const language = tool.page.language;
  const targets = await offered(db, tool, place);
  if (targets.length === 0) return sayAndHangUpTwiml(dialInStrings(language).nobodyToCall, language);
  if (targets.length === 1) return putThrough(db, tool, targets[0]!, params);
  if (tool.config.selectionMode === "random" && !place.postcode) return putThrough(db, tool, random(targets), params);
  const choices = targets.map((target, index) => ({ key: index + 1, name: target.name, title: target.title }));
  // From the message (or a fallback's preface): the list, whatever was pressed.
  if (place.ask) return pickTwiml({ ...place, ask: undefined, round: 1, wrong: 0 }, choices, language, false);
  const digits = param(params, "Digits");
  const chosen = /^\d{1,3}$/.test(digits) ? targets[Number(digits) - 1] : undefined;
  if (chosen) return putThrough(db, tool, chosen, params);
  const wrong = place.wrong + (digits ? 1 : 0);
  if (place.round >= MAX_MENU_ROUNDS) return goodbyeTwiml(language, wrong > 0);
  return pickTwiml({ ...place, round: place.round + 1, wrong }, choices, language, digits !== "");
}

/** The postcode keyed on the phone, then its target, a choice among its targets, or the campaigner's fallback. */
export async function postcodeStep(db: Db, place: DialInPlace, params: TwilioParams): Promise<VoiceResponse> {
  const tool = await loadDialInTool(db, place.plugin);
  if (!tool) return sayAndHangUpTwiml(dialInStrings("en").notTakingCalls, "en");
  const language = tool.page.language;
  const strings = dialInStrings(language);
  const zip = tool.config.postcodeCountry === "US";
  if (place.ask) return place.round >= POSTCODE_TRIES ? goodbyeTwiml(language, false) : postcodeAskTwiml(place, language, zip, false);
  const keyed = param(params, "Digits");
  const area = await areaOfKeyedPostcode(db, tool.plugin.id, tool.config.postcodeCountry, keyed);
  const outcome = postcodeOutcome(area, tool.targets, tool.config.postcodeFallback);
  if (outcome.found) {
    if (outcome.targets.length === 1) return putThrough(db, tool, outcome.targets[0]!, params);
    return prefacedRedirectTwiml(strings.chooseInstead, language, dialInUrl("choose", { plugin: tool.plugin.id, postcode: keyed.replace(/\D/g, ""), ask: "1" }));
  }
  if (place.tries + 1 < POSTCODE_TRIES) return postcodeAskTwiml({ ...place, tries: place.tries + 1, round: 0 }, language, zip, true);
  if (outcome.fallback === "sorry" || outcome.targets.length === 0) return sayAndHangUpTwiml(`${strings.postcodeNotFound} ${strings.sorryNoPostcode}`, language);
  if (outcome.fallback === "random") return putThrough(db, tool, outcome.targets[0]!, params, strings.postcodeNotFound);
  return prefacedRedirectTwiml(`${strings.postcodeNotFound} ${strings.chooseInstead}`, language, dialInUrl("choose", { plugin: tool.plugin.id, ask: "1" }));
}
