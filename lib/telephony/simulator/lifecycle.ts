import { log } from "../../log";
import { detect } from "./amd";
import { CallbackDispatcher } from "./callbacks";
import type { Simulator } from "./context";
import { simulatedSeconds } from "./context";
import { watch, waitFor } from "./control";
import { runTwiml, type TwimlOptions, type TwimlOutcome } from "./interpreter";
import { behaviorFor, ring, runPhoneScript, type PhoneBehavior, type RingOutcome } from "./phone";
import type { SimCall } from "./schema";
import { getCall, isTerminal, record, updateCall } from "./store";

type EndStatus = Exclude<RingOutcome, "answered"> | "completed";

/**
 * An outbound-api call from start to end, as Twilio runs it:
 *
 *   queued (until the account's pacing lets it go) → initiated
 *     → failed, before any ringing
 *     → ringing → busy | no-answer | canceled
 *               → in-progress (answering-machine detection first, if asked) → TwiML → completed
 *
 * with a status callback for each event the call asked for, each sent
 * without waiting for the others.
 */
export async function runOutboundCall(sim: Simulator, sid: string): Promise<void> {
  const created = (await getCall(sim, sid))!;
  const behavior = await behaviorFor(sim, created.to);
  const callbacks = new CallbackDispatcher(sim, sim.disorder || behavior.disorder);
  let status: EndStatus = "failed";
  try {
    if (created.dialAt && !(await waitForSlot(sim, created))) {
      status = "canceled";
      return;
    }
    await callbacks.status((await getCall(sim, sid))!, "initiated", "initiated");
    if (behavior.answer === "fail") {
      await record(sim, sid, "event", "The call failed before it rang");
      return;
    }
    const ringing = (await getCall(sim, sid))!;
    await updateCall(sim, sid, { status: "ringing" });
    await callbacks.status(ringing, "ringing", "ringing");
    const outcome = await ring(sim, ringing, ringing.timeout, () => false);
    if (outcome !== "answered") {
      status = outcome;
      return;
    }
    status = "completed";
    await updateCall(sim, sid, { status: "in-progress", startTime: new Date(), activity: "Answered" });
    await record(sim, sid, "event", "Answered");
    runPhoneScript(sim, sid, behavior);
    endAtTimeLimit(sim, sid, created.timeLimit);
    const answered = (await getCall(sim, sid))!;
    await callbacks.status(answered, "answered", "in-progress");
    const options = await machineDetection(sim, answered, behavior, callbacks);
    if (!options) return;
    await runTwiml(sim, sid, { url: answered.url!, method: answered.method, params: {} }, options);
  } catch (error) {
    log.error({ err: error, callSid: sid }, "Twilio simulator: the call's runner failed");
    await record(sim, sid, "error", `Simulator failure: ${(error as Error).message}`).catch(() => undefined);
  } finally {
    // The call's last bookkeeping must never escape as an unhandled rejection (the database may be gone at shutdown).
    await finish(sim, sid, status, callbacks).catch((error) => log.error({ err: error, callSid: sid }, "Twilio simulator: could not end the call"));
  }
}

/** Twilio ends an answered call when its TimeLimit runs out, whatever it is doing. */
function endAtTimeLimit(sim: Simulator, sid: string, seconds: number): void {
  const timer = setTimeout(() => {
    void (async () => {
      const row = await getCall(sim, sid);
      if (!row || isTerminal(row.status)) return;
      await updateCall(sim, sid, { hangupRequested: true });
      await record(sim, sid, "event", `The call reached its TimeLimit of ${seconds} s and was ended`);
    })().catch(() => undefined);
  }, (seconds * 1000) / sim.speed);
  timer.unref();
}

/** Waits `queued` for the call's pacing slot. Answers false when it was canceled meanwhile. */
async function waitForSlot(sim: Simulator, call: SimCall): Promise<boolean> {
  const realWait = call.dialAt!.getTime() - Date.now();
  if (realWait > 0) await waitFor(sim, call.sid, (realWait / 1000) * sim.speed, (row) => !row || row.cancelRequested || row.hangupRequested);
  const row = await getCall(sim, call.sid);
  return !!row && !row.cancelRequested && !row.hangupRequested;
}

/**
 * Answering-machine detection, when the call asked for it. Synchronous: the
 * first TwiML request waits for the verdict and carries it. Asynchronous:
 * TwiML starts at once and the verdict goes to AsyncAmdStatusCallback.
 * Answers the first request's extra parameters, or null if the line went
 * while detection listened.
 */
async function machineDetection(sim: Simulator, call: SimCall, behavior: PhoneBehavior, callbacks: CallbackDispatcher): Promise<TwimlOptions | null> {
  if (!call.machineDetection) return {};
  const verdict = detect(sim, call, behavior);
  const conclude = async () => {
    await updateCall(sim, call.sid, { answeredBy: verdict.answeredBy });
    await record(sim, call.sid, "event", `Answering-machine detection: ${verdict.answeredBy} after ${verdict.durationMs} ms`);
  };
  if (call.asyncAmd) {
    callbacks.alongside(async () => {
      const over = await waitFor(sim, call.sid, verdict.durationMs / 1000, (row) => !row || row.hangupRequested || isTerminal(row.status));
      if (over) return; // the call ended before a verdict: none is sent
      await conclude();
      await callbacks.machineDetected(call, verdict.answeredBy, verdict.durationMs);
    });
    return {};
  }
  try {
    await watch(sim, call.sid, verdict.durationMs / 1000);
  } catch {
    return null;
  }
  await conclude();
  return { firstParams: { AnsweredBy: verdict.answeredBy, MachineDetectionDuration: String(verdict.durationMs) } };
}

/**
 * An inbound call to one of the account's numbers (or, from the virtual
 * phone, to any URL of the app): its TwiML is asked for while it rings
 * (CallStatus=ringing, Direction=inbound), and the call is answered once the
 * document starts, unless its first verb is <Reject>.
 */
export async function runInboundCall(sim: Simulator, sid: string, extraParams: Record<string, string>): Promise<void> {
  const call = (await getCall(sim, sid))!;
  const behavior = await behaviorFor(sim, call.from);
  const callbacks = new CallbackDispatcher(sim, sim.disorder || behavior.disorder);
  let outcome: TwimlOutcome = "error";
  try {
    await updateCall(sim, sid, { status: "in-progress", startTime: new Date() });
    // The caller's phone keeps its script: keys into prompts, a hang-up.
    runPhoneScript(sim, sid, behavior);
    outcome = await runTwiml(sim, sid, { url: call.url!, method: call.method, params: {} }, { firstParams: { CallStatus: "ringing", ...extraParams } });
  } catch (error) {
    log.error({ err: error, callSid: sid }, "Twilio simulator: the inbound call's runner failed");
  } finally {
    await finish(sim, sid, outcome === "rejected" ? "busy" : "completed", callbacks).catch((error) => log.error({ err: error, callSid: sid }, "Twilio simulator: could not end the call"));
  }
}

async function finish(sim: Simulator, sid: string, status: EndStatus, callbacks: CallbackDispatcher): Promise<void> {
  const call = await getCall(sim, sid);
  if (!call) return;
  const endTime = new Date();
  const duration = call.startTime && status === "completed" ? simulatedSeconds(sim, call.startTime, endTime) : 0;
  await updateCall(sim, sid, { status, endTime, duration, activity: "", bridgedWith: null, gathering: false });
  await callbacks.status({ ...call, status, duration }, "completed", status);
  await callbacks.settle(sid);
  // Last, so whoever waits for this line knows every callback has gone out.
  await record(sim, sid, "event", `Call ended: ${status}`);
}
