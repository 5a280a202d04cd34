import { log } from "../../log";
import type { Simulator } from "./context";
import { simulatedSeconds } from "./context";
import { runTwiml } from "./interpreter";
import { behaviorFor, ring, runPhoneScript, type RingOutcome } from "./phone";
import { statusCallback } from "./requests";
import { getCall, record, updateCall } from "./store";

/**
 * An outbound-api call from start to end, as Twilio runs it:
 * queued → initiated → ringing → (in-progress → TwiML → completed) | busy | no-answer | failed | canceled,
 * with a status callback for each event the call asked for.
 */
export async function runOutboundCall(sim: Simulator, sid: string): Promise<void> {
  let outcome: RingOutcome | "completed" = "failed";
  try {
    const call = (await getCall(sim, sid))!;
    await statusCallback(sim, call, "initiated", "initiated");
    await updateCall(sim, sid, { status: "ringing" });
    await statusCallback(sim, call, "ringing", "ringing");

    outcome = await ring(sim, call, call.timeout, () => false);
    if (outcome !== "answered") return;

    await updateCall(sim, sid, { status: "in-progress", startTime: new Date(), activity: "Answered" });
    await record(sim, sid, "event", "Answered");
    const answered = (await getCall(sim, sid))!;
    await statusCallback(sim, answered, "answered", "in-progress");
    runPhoneScript(sim, sid, await behaviorFor(sim, answered.to));
    await runTwiml(sim, sid, { url: answered.url!, method: answered.method, params: {} });
    outcome = "completed";
  } catch (error) {
    log.error({ err: error, callSid: sid }, "Twilio simulator: the call's runner failed");
    await record(sim, sid, "error", `Simulator failure: ${(error as Error).message}`).catch(() => undefined);
    outcome = outcome === "answered" ? "completed" : "failed";
  } finally {
    // The call's last bookkeeping must never escape as an unhandled rejection (the database may be gone at shutdown).
    await finish(sim, sid, outcome === "answered" ? "completed" : outcome).catch((error) => log.error({ err: error, callSid: sid }, "Twilio simulator: could not end the call"));
  }
}

async function finish(sim: Simulator, sid: string, status: Exclude<RingOutcome, "answered"> | "completed"): Promise<void> {
  const call = await getCall(sim, sid);
  if (!call) return;
  const endTime = new Date();
  const duration = call.startTime ? simulatedSeconds(sim, call.startTime, endTime) : 0;
  await updateCall(sim, sid, { status, endTime, duration, activity: "", bridgedWith: null });
  await statusCallback(sim, { ...call, status, duration }, "completed", status);
  // Last, so whoever waits for this line knows every callback has gone out.
  await record(sim, sid, "event", `Call ended: ${status}`);
}
