import type { Simulator } from "./context";
import { CallEnded, CallRedirected } from "./control";
import { playPrompt } from "./prompts";
import { fetchTwiml } from "./requests";
import { getCall, record } from "./store";
import { parseTwiml, type TwimlNode } from "./twiml-document";
import { executeVerbs, type TwimlRequest } from "./verbs";

export type { TwimlRequest } from "./verbs";

/** How a call's TwiML ended: it ran out, a <Hangup> or <Reject>, an error (11200, 12100), or the line went. */
export type TwimlOutcome = "done" | "hangup" | "rejected" | "error" | "ended";

export type TwimlOptions = {
  /** The <Number url> document on a dialled leg: no <Dial> or <Enqueue>, and no fallback URL. */
  whisper?: boolean;
  /** Parameters only the first request carries (AnsweredBy after synchronous detection, CallStatus=ringing inbound). */
  firstParams?: Record<string, string>;
};

const APPLICATION_ERROR: TwimlNode = { name: "Say", attrs: {}, children: [], text: "We are sorry, an application error has occurred. Goodbye." };

/**
 * Runs a call's TwiML from `first` until the document runs out, a <Hangup>,
 * or the call ends: fetch, parse, execute verb by verb, follow whatever the
 * verbs point to next. The first document falls back to the call's fallback
 * URL when it cannot be fetched; any other failure ends the call as Twilio's
 * would, reported on the call's log as the debugger would (11200, 12100, 12200).
 */
export async function runTwiml(sim: Simulator, sid: string, first: TwimlRequest, options: TwimlOptions = {}): Promise<TwimlOutcome> {
  let next: TwimlRequest | null = { ...first, params: { ...first.params, ...options.firstParams } };
  let firstDocument = true;
  while (next) {
    try {
      const call = await getCall(sim, sid);
      if (!call || call.hangupRequested) return "ended";
      let fetched = await fetchTwiml(sim, call, next.url, next.method, next.params);
      if (!fetched.ok && firstDocument && call.fallbackUrl && !options.whisper) {
        await record(sim, sid, "error", fetched.problem, { code: 11200, url: fetched.url });
        fetched = await fetchTwiml(sim, call, call.fallbackUrl, call.fallbackMethod, { ...next.params, ErrorCode: "11200", ErrorUrl: fetched.url });
      }
      firstDocument = false;
      if (!fetched.ok) return await applicationError(sim, sid, fetched.problem, 11200, fetched.url);
      const parsed = parseTwiml(fetched.body);
      if (!parsed.ok) return await applicationError(sim, sid, parsed.problem, 12100, fetched.url);
      const step = await executeVerbs(sim, sid, parsed.verbs, fetched.url, !!options.whisper);
      if (typeof step === "string") return step;
      next = step;
    } catch (error) {
      if (error instanceof CallRedirected) {
        await record(sim, sid, "event", `Redirected by the REST API to ${error.url}`);
        next = { url: error.url, method: error.method, params: {} };
        continue;
      }
      if (error instanceof CallEnded) return "ended";
      throw error;
    }
  }
  return "done";
}

async function applicationError(sim: Simulator, sid: string, problem: string, code: number, url: string): Promise<TwimlOutcome> {
  await record(sim, sid, "error", problem, { code, url });
  await playPrompt(sim, sid, APPLICATION_ERROR).catch(() => undefined);
  return "error";
}
