import "server-only";
import { FormError } from "../errors";
import { TelephonyError } from "../telephony/errors";
import { listAccountNumbers, updateIncomingNumber, type IncomingNumber } from "../telephony/numbers";
import { callbackUrl } from "../telephony/urls";

/**
 * Where a number's incoming calls go. Each app feature that people dial into
 * names its routes here once; connecting a number sets its VoiceUrl, its
 * StatusCallback and its VoiceFallbackUrl on Twilio through the REST API.
 * Twilio stays the record: what a number points at is always read back from
 * it, so a change made in the Twilio console shows up as "points elsewhere".
 */
export const NUMBER_ROUTES = {
  "phone-bank": {
    label: "Phone banks",
    voice: "/twilio-webhook/consume",
    status: "/twilio-webhook/line-status",
    fallback: "/twilio-webhook/fallback",
  },
  // One route for every call tool's dial-in number: the number dialled (To) says which call tool answers.
  "call-tool": {
    label: "Call tools (dial-in)",
    voice: "/twilio/dial-in",
    status: "/twilio/dial-in/status",
    fallback: "/twilio-webhook/fallback",
  },
} as const;
export type NumberRoute = keyof typeof NUMBER_ROUTES;

export type NumberRouting =
  | { kind: "route"; route: NumberRoute; label: string }
  | { kind: "elsewhere"; voiceUrl: string }
  | { kind: "none" }
  /** Not one of the account's numbers (a verified caller ID): calls to it never reach Twilio. */
  | { kind: "not-on-account" };

const settingsFor = (route: NumberRoute) => ({
  voiceUrl: callbackUrl(NUMBER_ROUTES[route].voice),
  statusCallback: callbackUrl(NUMBER_ROUTES[route].status),
  voiceFallbackUrl: callbackUrl(NUMBER_ROUTES[route].fallback),
});

export function describeRouting(entry: Pick<IncomingNumber, "voiceUrl"> | undefined): NumberRouting {
  if (!entry) return { kind: "not-on-account" };
  if (!entry.voiceUrl) return { kind: "none" };
  for (const route of Object.keys(NUMBER_ROUTES) as NumberRoute[]) {
    if (entry.voiceUrl === settingsFor(route).voiceUrl) return { kind: "route", route, label: NUMBER_ROUTES[route].label };
  }
  return { kind: "elsewhere", voiceUrl: entry.voiceUrl };
}

/** How each of these numbers is routed now, as Twilio says. */
export async function routingOf(numbers: string[]): Promise<Map<string, NumberRouting>> {
  const account = await listAccountNumbers();
  return new Map(numbers.map((number) => [number, describeRouting(account.find((entry) => entry.number === number))]));
}

/** How one number is routed now, or why Twilio couldn't say: for pages that show it beside a feature's settings. */
export async function routingOrProblem(number: string): Promise<NumberRouting | { kind: "unknown"; problem: string }> {
  try {
    return (await routingOf([number])).get(number)!;
  } catch (error) {
    if (error instanceof TelephonyError) return { kind: "unknown", problem: error.message };
    throw error;
  }
}

/** Points a number of the account at one of the app's routes. */
export async function connectNumber(number: string, route: NumberRoute): Promise<NumberRouting> {
  try {
    const entry = (await listAccountNumbers()).find((candidate) => candidate.number === number);
    if (!entry) throw new FormError(`${number} isn't one of the Twilio account's numbers, so calls to it can't reach the app. Buy or port it in Twilio first.`);
    const settings = settingsFor(route);
    await updateIncomingNumber(entry.sid, settings);
    return describeRouting(settings);
  } catch (error) {
    if (error instanceof TelephonyError) throw new FormError(`Twilio refused to change the number: ${error.message}`);
    throw error;
  }
}
