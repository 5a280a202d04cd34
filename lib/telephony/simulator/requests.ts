import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { Simulator } from "./context";
import { deliver } from "./delivery";
import { requestAnswered } from "./disorder";
import { nextCount } from "./ids";
import { draw } from "./random";
import type { SimCall } from "./schema";
import { record } from "./store";

const API_VERSION = "2010-04-01";

/**
 * Where a number is, as Twilio's From*, To*, Caller* and Called* parameters
 * give it. The simulator knows the country (from the number); the city,
 * state and postcode are empty, as Twilio sends them for most mobiles.
 */
function geography(prefix: string, number: string): Record<string, string> {
  const country = parsePhoneNumberFromString(number)?.country ?? "";
  return { [`${prefix}City`]: "", [`${prefix}State`]: "", [`${prefix}Zip`]: "", [`${prefix}Country`]: country };
}

/** The parameters Twilio sends with every request about a call. */
export function standardParams(sim: Simulator, call: SimCall, status = call.status): Record<string, string> {
  const params: Record<string, string> = {
    CallSid: call.sid,
    AccountSid: sim.accountSid,
    From: call.from,
    To: call.to,
    Caller: call.from,
    Called: call.to,
    CallStatus: status,
    Direction: call.direction,
    ApiVersion: API_VERSION,
    ...geography("From", call.from),
    ...geography("Caller", call.from),
    ...geography("To", call.to),
    ...geography("Called", call.to),
  };
  if (call.parentCallSid) params.ParentCallSid = call.parentCallSid;
  return params;
}

export type FetchedTwiml = { ok: true; body: string; url: string } | { ok: false; problem: string; url: string };

/**
 * Fetches TwiML for a call under Twilio's request rules (delivery.ts). A
 * failure comes back as a problem for the caller to report (11200), never
 * thrown. Status callbacks held back "until after the next TwiML request"
 * are released once the app has answered this one.
 */
export async function fetchTwiml(sim: Simulator, call: SimCall, url: string, method: string, extra: Record<string, string> = {}): Promise<FetchedTwiml> {
  const params = { ...standardParams(sim, call), ...extra };
  const requested = url.split("#")[0]!;
  await record(sim, call.sid, "request", `${method.toUpperCase()} ${requested}`, { params });
  const token = draw(sim, call.sid, "request", await nextCount(sim, `requests:${call.sid}`)).hex32();
  try {
    const delivery = await deliver({ authToken: sim.authToken, url, method, params, token });
    return delivery.ok ? { ok: true, body: delivery.body, url: requested } : { ok: false, problem: delivery.problem, url: requested };
  } finally {
    requestAnswered(call.sid);
  }
}
