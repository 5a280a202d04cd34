import type { Simulator } from "./context";
import { CallEnded, CallRedirected } from "./control";
import { dial } from "./dial";
import { enqueue, QueueCallerHungUp } from "./enqueue";
import { gather, playPrompt } from "./prompts";
import { fetchTwiml } from "./requests";
import { getCall, record } from "./store";
import { parseTwiml, type TwimlNode } from "./twiml-document";

export type TwimlRequest = { url: string; method: string; params: Record<string, string> };

const APPLICATION_ERROR: TwimlNode = { name: "Say", attrs: {}, children: [], text: "We are sorry, an application error has occurred. Goodbye." };

/**
 * Runs a call's TwiML from `first` until the document runs out, a <Hangup>,
 * or the call ends: fetch, parse, execute verb by verb, follow whatever the
 * verbs point to next. Failures end the call as Twilio's would, reported on
 * the call's log as the debugger would (11200, 12100, 12200).
 */
export async function runTwiml(sim: Simulator, sid: string, first: TwimlRequest): Promise<void> {
  let next: TwimlRequest | null = first;
  let firstDocument = true;
  while (next) {
    try {
      const call = await getCall(sim, sid);
      if (!call || call.hangupRequested) return;
      let fetched = await fetchTwiml(sim, call, next.url, next.method, next.params);
      if (!fetched.ok && firstDocument && call.fallbackUrl) {
        await record(sim, sid, "error", fetched.problem, { code: 11200 });
        fetched = await fetchTwiml(sim, call, call.fallbackUrl, call.fallbackMethod, { ...next.params, ErrorCode: "11200", ErrorUrl: next.url });
      }
      firstDocument = false;
      if (!fetched.ok) return await applicationError(sim, sid, fetched.problem, 11200, next.url);
      const parsed = parseTwiml(fetched.body);
      if (!parsed.ok) return await applicationError(sim, sid, parsed.problem, 12100, fetched.url);
      next = await executeVerbs(sim, sid, parsed.verbs, fetched.url);
    } catch (error) {
      if (error instanceof CallRedirected) {
        await record(sim, sid, "event", `Redirected by the REST API to ${error.url}`);
        next = { url: error.url, method: error.method, params: {} };
        continue;
      }
      if (error instanceof CallEnded) return;
      throw error;
    }
  }
}

async function applicationError(sim: Simulator, sid: string, problem: string, code: number, url: string): Promise<void> {
  await record(sim, sid, "error", problem, { code, url });
  await playPrompt(sim, sid, APPLICATION_ERROR).catch(() => undefined);
}

const resolve = (target: string, documentUrl: string) => new URL(target.trim(), documentUrl).toString();

/** Tells an action URL what happened when the call is already over: Twilio ignores what it answers. */
async function notify(sim: Simulator, sid: string, url: string, method: string, params: Record<string, string>): Promise<void> {
  const call = await getCall(sim, sid);
  if (call) await fetchTwiml(sim, { ...call, status: "completed" }, url, method, params);
}

/** Executes one document's verbs. Answers the next document to fetch, or null when the call should end. */
async function executeVerbs(sim: Simulator, sid: string, verbs: TwimlNode[], documentUrl: string): Promise<TwimlRequest | null> {
  for (const verb of verbs) {
    const action = verb.attrs.action ? resolve(verb.attrs.action, documentUrl) : undefined;
    const method = verb.attrs.method ?? "POST";
    switch (verb.name) {
      case "Say":
      case "Play":
      case "Pause":
        await playPrompt(sim, sid, verb);
        break;
      case "Gather": {
        const input = await gather(sim, sid, verb);
        if (input) return { url: action ?? documentUrl, method, params: { Digits: input.digits, FinishedOnKey: input.finishedOnKey, msg: "Gather End" } };
        break; // no input: on to the next verb
      }
      case "Redirect":
        return { url: resolve(verb.text, documentUrl), method, params: {} };
      case "Hangup":
      case "Reject":
        await record(sim, sid, "event", `<${verb.name}> ended the call`);
        return null;
      case "Dial": {
        const outcome = await dial(sim, (await getCall(sim, sid))!, verb, documentUrl);
        if (outcome.callerHungUp) {
          if (action) await notify(sim, sid, action, method, outcome.params);
          throw new CallEnded();
        }
        if (action) return { url: action, method, params: outcome.params };
        break; // no action: on to the next verb
      }
      case "Enqueue": {
        try {
          const { redirect, ...params } = await enqueue(sim, (await getCall(sim, sid))!, verb, documentUrl);
          if (redirect) {
            if (action) await notify(sim, sid, action, method, params);
            return { ...redirect, params: {} };
          }
          if (action) return { url: action, method, params };
        } catch (error) {
          if (error instanceof QueueCallerHungUp && action) {
            const { QueueResult, QueueSid, QueueTime } = error.outcome;
            await notify(sim, sid, action, method, { QueueResult, QueueSid, QueueTime });
          }
          throw error;
        }
        break;
      }
      case "Leave":
        break; // only meaningful while queued, in waitUrl TwiML
      default:
        await record(sim, sid, "warning", `Schema validation warning: <${verb.name}> is not a voice verb; skipped`, { code: 12200 });
    }
  }
  return null;
}
