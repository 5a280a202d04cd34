import type { Simulator } from "./context";
import { CallEnded } from "./control";
import { dial } from "./dial";
import { enqueue, QueueCallerHungUp } from "./enqueue";
import { gather, playPrompt } from "./prompts";
import { fetchTwiml } from "./requests";
import { getCall, record } from "./store";
import type { TwimlNode } from "./twiml-document";

export type TwimlRequest = { url: string; method: string; params: Record<string, string> };

/** Verbs a <Number url> document may not use: it runs on a leg that is itself being dialled. */
const NOT_IN_WHISPER = ["Dial", "Enqueue"];

const resolve = (target: string, documentUrl: string) => new URL(target.trim(), documentUrl).toString();

/** Tells an action URL what happened when the call is already over: Twilio ignores what it answers. */
async function notify(sim: Simulator, sid: string, url: string, method: string, params: Record<string, string>): Promise<void> {
  const call = await getCall(sim, sid);
  if (call) await fetchTwiml(sim, { ...call, status: "completed" }, url, method, params);
}

/**
 * Executes one document's verbs. Answers the next document to fetch, "done"
 * when the document runs out, or "hangup"/"rejected" when a verb ends the call.
 */
export async function executeVerbs(sim: Simulator, sid: string, verbs: TwimlNode[], documentUrl: string, whisper: boolean): Promise<TwimlRequest | "done" | "hangup" | "rejected"> {
  for (const verb of verbs) {
    const action = verb.attrs.action ? resolve(verb.attrs.action, documentUrl) : undefined;
    const method = verb.attrs.method ?? "POST";
    if (whisper && NOT_IN_WHISPER.includes(verb.name)) {
      await record(sim, sid, "warning", `<${verb.name}> is not allowed in a <Number url> document; skipped`, { code: 12200 });
      continue;
    }
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
        await record(sim, sid, "event", "<Hangup> ended the call");
        return "hangup";
      case "Reject":
        await record(sim, sid, "event", "<Reject> refused the call");
        return "rejected";
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
  return "done";
}
