import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Simulator } from "./context";
import { sleep } from "./context";
import { simPhones, type SimCall } from "./schema";
import { POLL_MS } from "./control";
import { getCall, isTerminal, pressDigits, record, setActivity, updateCall } from "./store";

/**
 * How a simulated number behaves when it rings. Tests script it through
 * /dev/phone/api; a person picks it on /dev/phone. Unscripted numbers wait
 * for a person to answer ("manual"), and give up at the ring timeout.
 */
export const phoneBehaviorSchema = z.object({
  answer: z.enum(["manual", "answer", "busy", "no-answer", "fail", "refuse"]).default("manual"),
  /** Seconds of ringing before an "answer" phone picks up. */
  answerAfter: z.number().min(0).max(600).default(1),
  /** Keys to press, each `after` seconds from the answer. */
  digits: z.array(z.object({ after: z.number().min(0).max(3600), digits: z.string().regex(/^[0-9*#]+$/, "digits are 0-9, * and #") })).default([]),
  /** Seconds after the answer at which the phone hangs up. */
  hangupAfter: z.number().min(0).max(14_400).optional(),
  /** For "refuse": the Twilio error code the REST API answers with (21211 invalid number, 21215 geo permission…). */
  refuseCode: z.number().int().default(21211),
});
export type PhoneBehavior = z.infer<typeof phoneBehaviorSchema>;

const MANUAL: PhoneBehavior = phoneBehaviorSchema.parse({});

// Twilio's documented magic test numbers behave the same here.
const MAGIC_NUMBERS: Record<string, PhoneBehavior> = {
  "+15005550001": { ...MANUAL, answer: "refuse", refuseCode: 21211 },
  "+15005550002": { ...MANUAL, answer: "refuse", refuseCode: 21214 },
  "+15005550003": { ...MANUAL, answer: "refuse", refuseCode: 21215 },
  "+15005550004": { ...MANUAL, answer: "refuse", refuseCode: 21216 },
};

export async function behaviorFor(sim: Simulator, number: string): Promise<PhoneBehavior> {
  const [row] = await sim.db.select().from(simPhones).where(eq(simPhones.number, number));
  if (row) return phoneBehaviorSchema.parse(row.behavior);
  return MAGIC_NUMBERS[number] ?? MANUAL;
}

export async function setBehavior(sim: Simulator, number: string, behavior: PhoneBehavior): Promise<void> {
  await sim.db
    .insert(simPhones)
    .values({ number, behavior })
    .onConflictDoUpdate({ target: simPhones.number, set: { behavior, updatedAt: new Date() } });
}

export async function clearBehaviors(sim: Simulator): Promise<void> {
  await sim.db.delete(simPhones);
}

export type RingOutcome = "answered" | "busy" | "no-answer" | "failed" | "canceled";

/**
 * Rings a call's phone until it is answered, declined, or `timeout` simulated
 * seconds pass. `abandoned()` is checked as it rings (the caller of a <Dial>
 * hanging up, a REST cancel), and ends the ringing as "canceled".
 */
export async function ring(sim: Simulator, call: SimCall, timeout: number, abandoned: (row: SimCall) => Promise<boolean> | boolean): Promise<RingOutcome> {
  const behavior = await behaviorFor(sim, call.to);
  await updateCall(sim, call.sid, { status: "ringing" });
  await setActivity(sim, call.sid, "Ringing");
  const startedAt = Date.now();
  const elapsed = () => ((Date.now() - startedAt) / 1000) * sim.speed;

  for (;;) {
    const row = await getCall(sim, call.sid);
    if (!row || isTerminal(row.status) || row.cancelRequested || row.hangupRequested || (await abandoned(row))) return "canceled";
    if (behavior.answer === "busy" && elapsed() >= 1) return "busy";
    if (behavior.answer === "fail") return "failed";
    if (behavior.answer === "answer" && elapsed() >= behavior.answerAfter && behavior.answerAfter < timeout) return "answered";
    if (row.answerRequest === "answer") return "answered";
    if (row.answerRequest === "decline") return "busy";
    if (elapsed() >= timeout) return "no-answer";
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** After an answer, a scripted phone presses its keys and hangs up on time. Runs beside the call. */
export function runPhoneScript(sim: Simulator, sid: string, behavior: PhoneBehavior): void {
  const stillUp = async () => (await getCall(sim, sid))?.status === "in-progress";
  for (const press of behavior.digits) {
    void sleep(sim, press.after).then(async () => {
      if (await stillUp()) await pressDigits(sim, sid, press.digits);
    });
  }
  if (behavior.hangupAfter !== undefined) {
    void sleep(sim, behavior.hangupAfter).then(async () => {
      if (await stillUp()) {
        await updateCall(sim, sid, { hangupRequested: true });
        await record(sim, sid, "event", "The phone hung up");
      }
    });
  }
}
