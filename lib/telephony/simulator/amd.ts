import type { Simulator } from "./context";
import type { PhoneBehavior } from "./phone";
import { draw } from "./random";
import type { SimCall } from "./schema";

export type AnsweredBy = "human" | "machine_start" | "machine_end_beep" | "machine_end_silence" | "machine_end_other" | "fax" | "unknown";

export type Detection = { answeredBy: AnsweredBy; /** Simulated milliseconds from the answer to the verdict. */ durationMs: number };

/**
 * What answering-machine detection concludes about a phone, and when.
 *
 * - A person: "human", once their short greeting has ended (about 2–3.5 s).
 * - A voicemail: with Enable, "machine_start" once its greeting runs long
 *   (about 3.5–5 s in); with DetectMessageEnd, "machine_end_beep" at the
 *   beep after the whole greeting.
 * - A fax: "fax" at its tone (about 2–3 s).
 * - Nothing decided within MachineDetectionTimeout (default 30 s): "unknown".
 *
 * The delays are drawn from the seed and the call, so they replay.
 */
export function detect(sim: Simulator, call: SimCall, behavior: PhoneBehavior): Detection {
  const pick = draw(sim, call.sid, "amd");
  const timeoutMs = call.machineDetectionTimeout * 1000;
  let verdict: Detection;
  if (behavior.answer === "voicemail") {
    verdict =
      call.machineDetection === "DetectMessageEnd"
        ? { answeredBy: "machine_end_beep", durationMs: behavior.greetingSeconds * 1000 + pick.int(300, 800) }
        : { answeredBy: "machine_start", durationMs: Math.min(pick.int(3500, 5000), behavior.greetingSeconds * 1000 + 500) };
  } else if (behavior.answer === "fax") {
    verdict = { answeredBy: "fax", durationMs: pick.int(2000, 3000) };
  } else {
    verdict = { answeredBy: "human", durationMs: pick.int(2000, 3500) };
  }
  return verdict.durationMs > timeoutMs ? { answeredBy: "unknown", durationMs: timeoutMs } : verdict;
}
