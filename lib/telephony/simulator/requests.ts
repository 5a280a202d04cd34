import twilio from "twilio";
import type { Simulator } from "./context";
import { rfc2822 } from "./context";
import { nextSequenceNumber, record } from "./store";
import type { SimCall } from "./schema";

const API_VERSION = "2010-04-01";
const REQUEST_TIMEOUT_MS = 15_000;

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
  };
  if (call.parentCallSid) params.ParentCallSid = call.parentCallSid;
  return params;
}

export type FetchedTwiml = { ok: true; body: string; url: string } | { ok: false; problem: string; url: string };

/**
 * Requests a URL of the app the way Twilio does: form-encoded (or in the
 * query for GET), signed with the account's auth token.
 */
export async function signedRequest(sim: Simulator, url: string, method: string, params: Record<string, string>): Promise<Response> {
  const upper = method.toUpperCase() === "GET" ? "GET" : "POST";
  let target = url;
  let body: string | undefined;
  let signature: string;
  if (upper === "GET") {
    const withQuery = new URL(url);
    for (const [key, value] of Object.entries(params)) withQuery.searchParams.set(key, value);
    target = withQuery.toString();
    signature = twilio.getExpectedTwilioSignature(sim.authToken, target, {});
  } else {
    body = new URLSearchParams(params).toString();
    signature = twilio.getExpectedTwilioSignature(sim.authToken, url, params);
  }
  return fetch(target, {
    method: upper,
    body,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Twilio-Signature": signature,
      "User-Agent": "TwilioProxy/1.1 (Patchthrough simulator)",
      "I-Twilio-Idempotency-Token": crypto.randomUUID(),
    },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    redirect: "follow",
  });
}

/** Fetches TwiML for a call. A failure is reported as Twilio's debugger would (11200), never thrown. */
export async function fetchTwiml(sim: Simulator, call: SimCall, url: string, method: string, extra: Record<string, string> = {}): Promise<FetchedTwiml> {
  const params = { ...standardParams(sim, call), ...extra };
  await record(sim, call.sid, "request", `${method.toUpperCase()} ${url}`, { params });
  try {
    const response = await signedRequest(sim, url, method, params);
    const body = await response.text();
    if (!response.ok) return { ok: false, problem: `HTTP ${response.status} from ${url}`, url };
    return { ok: true, body, url };
  } catch (error) {
    return { ok: false, problem: `${url} could not be reached (${(error as Error).message})`, url };
  }
}

export type CallbackEvent = "initiated" | "ringing" | "answered" | "completed";

/**
 * Posts a status callback if the call asked for this event. "answered" goes
 * out as CallStatus=in-progress; "completed" carries the terminal status.
 */
export async function statusCallback(sim: Simulator, call: SimCall, event: CallbackEvent, status: string): Promise<void> {
  if (!call.statusCallback) return;
  const events = call.statusCallbackEvents.length > 0 ? call.statusCallbackEvents : ["completed"];
  if (!events.includes(event)) return;
  const params: Record<string, string> = {
    ...standardParams(sim, call, status),
    CallbackSource: "call-progress-events",
    SequenceNumber: String(await nextSequenceNumber(sim, call.sid)),
    Timestamp: rfc2822(new Date())!,
  };
  if (event === "completed") {
    const seconds = call.duration ?? 0;
    params.CallDuration = String(seconds);
    params.Duration = String(Math.ceil(seconds / 60));
  }
  await record(sim, call.sid, "status-callback", `${event} → ${status}`, { url: call.statusCallback, params });
  try {
    const response = await signedRequest(sim, call.statusCallback, call.statusCallbackMethod, params);
    if (!response.ok) await record(sim, call.sid, "error", `Status callback got HTTP ${response.status}`, { code: 11200, url: call.statusCallback });
  } catch (error) {
    await record(sim, call.sid, "error", `Status callback failed: ${(error as Error).message}`, { code: 11200, url: call.statusCallback });
  }
}
