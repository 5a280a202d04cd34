import type { Simulator } from "./context";
import { simulatedSeconds } from "./context";
import { POLL_MS, watch } from "./control";
import { getCall, isTerminal, record, setActivity, updateCall } from "./store";

/**
 * Holds two answered calls together until one side leaves. The runner of
 * `own` drives it: its own hang-up or redirect ends the bridge (and is then
 * re-thrown to its runner); the other side hanging up, or ending, lets `own`
 * carry on. Either way `releaseOther` runs once, for the other side.
 * A <Dial timeLimit> ends the bridge when it runs out, as if the other side
 * had left. Answers the bridge's length in simulated seconds.
 */
export async function bridge(sim: Simulator, own: string, other: string, releaseOther: () => Promise<void>, limitSeconds = Number.POSITIVE_INFINITY): Promise<number> {
  const startedAt = new Date();
  await updateCall(sim, own, { bridgedWith: other, bridgeEndedAt: null });
  await updateCall(sim, other, { bridgedWith: own, bridgeEndedAt: null });
  await setActivity(sim, own, "Connected");
  await setActivity(sim, other, "Connected");
  await record(sim, own, "dial", `Connected to ${other}`);

  const end = async () => {
    const endedAt = new Date();
    await updateCall(sim, own, { bridgedWith: null, bridgeEndedAt: endedAt });
    await updateCall(sim, other, { bridgedWith: null, bridgeEndedAt: endedAt });
  };
  try {
    for (;;) {
      // Throws when `own` hangs up or is redirected; a short slice so the other side's leaving is seen at once.
      await watch(sim, own, (POLL_MS / 1000) * sim.speed);
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
  return simulatedSeconds(sim, startedAt);
}
