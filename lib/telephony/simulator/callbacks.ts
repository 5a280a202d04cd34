import { log } from "../../log";
import type { Simulator } from "./context";
import { rfc2822, sleep } from "./context";
import { deliver } from "./delivery";
import { callbackPlan, nextRequestAnswered, requestAnswered } from "./disorder";
import { draw } from "./random";
import { standardParams } from "./requests";
import type { SimCall } from "./schema";
import { nextSequenceNumber, record } from "./store";

export type CallbackEvent = "initiated" | "ringing" | "answered" | "completed";

/** The SIP response Twilio reports with a call's last status. */
const SIP_CODES: Record<string, string> = { completed: "200", busy: "486", "no-answer": "487", canceled: "487", failed: "500" };

/**
 * A call's status callbacks, as its runner sends them: each one goes out on
 * its own, never waiting for the one before (as on Twilio, where they are
 * independent requests), under the call's disorder plan. `settle()` waits for
 * every delivery, so the runner can say the call is over only after them.
 */
export class CallbackDispatcher {
  private readonly deliveries: Promise<void>[] = [];

  constructor(
    private readonly sim: Simulator,
    private readonly disorderly: boolean,
  ) {}

  /**
   * A status callback, if the call asked for this event. "answered" goes out
   * as CallStatus=in-progress; "completed" carries the last status, its
   * duration and SIP code, and why a failed call failed.
   */
  async status(call: SimCall, event: CallbackEvent, status: string): Promise<void> {
    if (!call.statusCallback) return;
    const events = call.statusCallbackEvents.length > 0 ? call.statusCallbackEvents : ["completed"];
    if (!events.includes(event)) return;
    const params: Record<string, string> = {
      ...standardParams(this.sim, call, status),
      CallbackSource: "call-progress-events",
      SequenceNumber: String(await nextSequenceNumber(this.sim, call.sid)),
      Timestamp: rfc2822(new Date())!,
    };
    if (event === "completed") {
      const seconds = call.duration ?? 0;
      Object.assign(params, { CallDuration: String(seconds), Duration: String(Math.ceil(seconds / 60)), SipResponseCode: SIP_CODES[status] ?? "200" });
      if (call.answeredBy) params.AnsweredBy = call.answeredBy;
      if (call.errorCode) Object.assign(params, { ErrorCode: String(call.errorCode), ErrorMessage: call.errorMessage ?? "" });
    }
    await record(this.sim, call.sid, "status-callback", `${event} → ${status}`, { url: call.statusCallback, params });
    this.send(call.sid, event, call.statusCallback, call.statusCallbackMethod, params, 15003);
  }

  /** The answering-machine verdict of an AsyncAmd call, to its AsyncAmdStatusCallback. */
  async machineDetected(call: SimCall, answeredBy: string, durationMs: number): Promise<void> {
    if (!call.asyncAmdStatusCallback) return;
    const params = { AccountSid: this.sim.accountSid, CallSid: call.sid, AnsweredBy: answeredBy, MachineDetectionDuration: String(durationMs) };
    await record(this.sim, call.sid, "status-callback", `answering machine detection → ${answeredBy}`, { url: call.asyncAmdStatusCallback, params });
    this.send(call.sid, "amd", call.asyncAmdStatusCallback, call.asyncAmdStatusCallbackMethod, params, 15003);
  }

  private send(sid: string, event: string, url: string, method: string, params: Record<string, string>, errorCode: number): void {
    const plan = callbackPlan(this.sim, this.disorderly, sid, event);
    const token = draw(this.sim, sid, "callback-token", event).hex32();
    const once = async () => {
      const delivery = await deliver({ authToken: this.sim.authToken, url, method, params, token });
      if (!delivery.ok) await record(this.sim, sid, "error", `Status callback (${event}) failed: ${delivery.problem}`, { code: errorCode, url, attempts: delivery.attempts });
    };
    const run = async () => {
      if (plan.afterNextRequest) await nextRequestAnswered(sid);
      await sleep(this.sim, plan.delayMs / 1000);
      await once();
      if (plan.repeatAfterMs !== null) {
        await sleep(this.sim, plan.repeatAfterMs / 1000);
        await once();
      }
    };
    this.deliveries.push(run().catch((error) => log.error({ err: error, callSid: sid }, "Twilio simulator: a status callback could not be sent")));
  }

  /** Work that ends in a callback (asynchronous answering-machine detection): settle() waits for it too. */
  alongside(work: () => Promise<void>): void {
    this.deliveries.push(work().catch((error) => log.error({ err: error }, "Twilio simulator: work beside a call failed")));
  }

  /** Releases callbacks held for a next request that will not come, then waits for every delivery. */
  async settle(sid: string): Promise<void> {
    requestAnswered(sid);
    await Promise.allSettled(this.deliveries);
  }
}
