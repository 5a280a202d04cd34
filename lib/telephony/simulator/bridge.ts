import type { Simulator } from "./context";
import { simulatedSeconds } from "./context";
import { POLL_MS, watch } from "./control";
import { getCall, isTerminal, record, setActivity, takeDigits, updateCall } from "./store";

export type BridgeEnd = { seconds: number; starPressed: boolean };

/**
 * Holds two answered calls together until one side leaves. The runner of
 * `own` drives it: its own hang-up or redirect ends the bridge (and is then
 * re-thrown to its runner); the other side hanging up, or ending, lets `own`
 * carry on. Either way `releaseOther` runs once, for the other side.
 * A <Dial timeLimit> ends the bridge when it runs out, as if the other side
 * had left. With `hangupOnStar`, the caller's keys are heard during the
 * bridge (as on Twilio, which listens for them on the caller's leg only), and
 * * ends it as if the other side had left; other keys go on to the other side
 * as tones and change nothing. Answers the bridge's length in simulated
 * seconds, and whether * ended it.
 */
export async function bridge(
  sim: Simulator,
  own: string,
  other: string,
  releaseOther: () => Promise<void>,
  limitSeconds = Number.POSITIVE_INFINITY,
  hangupOnStar = false,
): Promise<BridgeEnd> {
  const startedAt = new Date();
  let starPressed = false;
  // Keys reach pendingDigits only while `gathering` is set; `gatherings` is left alone, so no phone takes this for a prompt.
  await updateCall(sim, own, { bridgedWith: other, bridgeEndedAt: null, ...(hangupOnStar ? { gathering: true, pendingDigits: "" } : {}) });
  await updateCall(sim, other, { bridgedWith: own, bridgeEndedAt: null });
  await setActivity(sim, own, "Connected");
  await setActivity(sim, other, "Connected");
  await record(sim, own, "dial", `Connected to ${other}`);

  const end = async () => {
    const endedAt = new Date();
    await updateCall(sim, own, { bridgedWith: null, bridgeEndedAt: endedAt, ...(hangupOnStar ? { gathering: false, pendingDigits: "" } : {}) });
    await updateCall(sim, other, { bridgedWith: null, bridgeEndedAt: endedAt });
  };
  try {
    for (;;) {
      // Throws when `own` hangs up or is redirected; a short slice so the other side's leaving is seen at once.
      const { matched } = await watch(sim, own, (POLL_MS / 1000) * sim.speed, hangupOnStar ? (row) => row.pendingDigits.length > 0 : undefined);
      if (matched && (await takeDigits(sim, own)).includes("*")) {
        starPressed = true;
        await record(sim, own, "dial", `* pressed: hung up on ${other} (hangupOnStar)`);
        break;
      }
      const row = await getCall(sim, other);
      if (!row || row.hangupRequested || isTerminal(row.status)) break;
      if (simulatedSeconds(sim, startedAt) >= limitSeconds) {
        await record(sim, own, "dial", `The <Dial> reached its timeLimit of ${limitSeconds} s`);
        break;
      }
    }
  } catch (error) {
    await end();
    await releaseOther();
    throw error;
  }
  await end();
  await releaseOther();
  return { seconds: simulatedSeconds(sim, startedAt), starPressed };
}
