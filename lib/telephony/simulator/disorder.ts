import type { Simulator } from "./context";
import { draw } from "./random";

/**
 * How one status callback is delivered. With disorder on, as Twilio may:
 * a little late (so callbacks sent together arrive shuffled), some only
 * after the app has answered the call's next TwiML request, some twice.
 * The plan depends only on the seed, the call and the event, so a failing
 * test replays with the same SIMULATOR_SEED.
 */
export type CallbackPlan = {
  /** Simulated milliseconds to wait before the first delivery. */
  delayMs: number;
  /** Hold the callback until the app has answered the call's next TwiML request. */
  afterNextRequest: boolean;
  /** Simulated milliseconds after the first delivery at which it is delivered again (same token), or null. */
  repeatAfterMs: number | null;
};

const ORDERLY: CallbackPlan = { delayMs: 0, afterNextRequest: false, repeatAfterMs: null };

export function callbackPlan(sim: Pick<Simulator, "seed">, disorderly: boolean, sid: string, event: string): CallbackPlan {
  if (!disorderly) return ORDERLY;
  const pick = draw(sim, sid, "callback", event);
  return {
    delayMs: pick.int(0, 2000),
    afterNextRequest: pick.chance(0.35),
    repeatAfterMs: pick.chance(0.3) ? pick.int(0, 3000) : null,
  };
}

// Callbacks waiting for a call's next TwiML request to be answered. The
// waiters belong to the call's runner, which lives in this process, so they
// need not be shared with other instances.
const waiting = new Map<string, (() => void)[]>();

/** Resolves once the app has answered the call's next TwiML request, or the call's runner lets go. */
export function nextRequestAnswered(sid: string): Promise<void> {
  return new Promise((resolve) => waiting.set(sid, [...(waiting.get(sid) ?? []), resolve]));
}

/** The app answered a TwiML request of this call (or the call is over): held callbacks may go. */
export function requestAnswered(sid: string): void {
  const release = waiting.get(sid);
  waiting.delete(sid);
  for (const resolve of release ?? []) resolve();
}
