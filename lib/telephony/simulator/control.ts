import type { Simulator } from "./context";
import { getCall, updateCall } from "./store";
import type { SimCall } from "./schema";

/** The call is over: its caller hung up, or the REST API ended it. */
export class CallEnded extends Error {
  constructor() {
    super("call ended");
  }
}

/** The REST API sent the call to new TwiML. */
export class CallRedirected extends Error {
  constructor(
    readonly url: string,
    readonly method: string,
  ) {
    super(`redirected to ${url}`);
  }
}

/** How often a runner reads its call's row, in real milliseconds. */
export const POLL_MS = 40;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits up to `seconds` of simulated time, reading the call's row as it goes:
 * it returns early once `until(row)` holds, and throws CallEnded or
 * CallRedirected as soon as either is asked for. This is how the runner hears
 * the phone page and the REST API, which may be in another process.
 */
export async function watch(sim: Simulator, sid: string, seconds: number, until?: (row: SimCall) => boolean): Promise<{ row: SimCall; matched: boolean }> {
  const deadline = Date.now() + (seconds * 1000) / sim.speed;
  for (;;) {
    const row = await getCall(sim, sid);
    if (!row || row.hangupRequested) throw new CallEnded();
    if (row.redirectUrl) {
      await updateCall(sim, sid, { redirectUrl: null, redirectMethod: null });
      throw new CallRedirected(row.redirectUrl, row.redirectMethod ?? "POST");
    }
    if (until?.(row)) return { row, matched: true };
    const left = deadline - Date.now();
    if (left <= 0) return { row, matched: false };
    await pause(Math.min(POLL_MS, left));
  }
}

/** Like watch(), for a call that is not the runner's own (a dialled leg, a queued caller): no interrupts, just a condition. */
export async function waitFor(sim: Simulator, sid: string, seconds: number, until: (row: SimCall | undefined) => boolean): Promise<boolean> {
  const deadline = Date.now() + (seconds * 1000) / sim.speed;
  for (;;) {
    if (until(await getCall(sim, sid))) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await pause(Math.min(POLL_MS, left));
  }
}
