import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Simulator } from "./context";
import { sleep } from "./context";
import { simPhones, type SimCall } from "./schema";
import { POLL_MS, waitFor } from "./control";
import { getCall, isTerminal, pressDigits, record, setActivity, updateCall } from "./store";

/**
 * How a simulated number behaves when it rings. Tests script it through
 * /dev/phone/api; a person picks it on /dev/phone. Unscripted numbers wait
 * for a person to answer ("manual"), and give up at the ring timeout.
 */
export const phoneBehaviorSchema = z.object({
  answer: z.enum(["manual", "answer", "busy", "no-answer", "fail", "refuse", "voicemail", "fax"]).default("manual"),
  /** Seconds of ringing before an answering phone (answer, voicemail, fax) picks up. */
  answerAfter: z.number().min(0).max(600).default(1),
  /**
   * Keys to press, each `after` seconds from the answer; or, with `onPrompt`,
   * as a person does: `after` seconds into the next prompt that listens for
   * keys. Keys pressed while no <Gather> listens are lost, as on Twilio.
   */
  digits: z
    .array(z.object({ after: z.number().min(0).max(3600), digits: z.string().regex(/^[0-9*#]+$/, "digits are 0-9, * and #"), onPrompt: z.boolean().default(false) }))
    .max(20)
    .default([]),
  /** Seconds after the answer at which the phone hangs up. */
  hangupAfter: z.number().min(0).max(14_400).optional(),
  /** For "refuse": the Twilio error code the REST API answers with (21211 invalid number, 21215 geo permission…). */
  refuseCode: z.number().int().min(10_000).max(99_999).default(21211),
  /** For "voicemail": how long its greeting lasts before the beep. */
  greetingSeconds: z.number().min(1).max(60).default(8),
  /** Status callbacks about calls to this number are disorderly, whatever SIMULATOR_DISORDER says. */
  disorder: z.boolean().default(false),
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

/** A voicemail keeps the line this long after its beep, recording (and keeping) nothing. */
export const VOICEMAIL_LISTENS_SECONDS = 60;

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

/** Forgets one number's script, or every script. */
export async function clearBehaviors(sim: Simulator, number?: string): Promise<void> {
  await (number ? sim.db.delete(simPhones).where(eq(simPhones.number, number)) : sim.db.delete(simPhones));
}

/** Each press waits for the next <Gather> to listen (not the one the last press went to), then `after` seconds. */
async function pressOnPrompts(sim: Simulator, sid: string, presses: PhoneBehavior["digits"]): Promise<void> {
  const over = (row: SimCall | undefined) => !row || row.status !== "in-progress";
  let heard = 0;
  for (const press of presses) {
    await waitFor(sim, sid, 4 * 3600, (row) => over(row) || (row!.gathering && row!.gatherings > heard));
    const row = await getCall(sim, sid);
    if (over(row)) return;
    heard = row!.gatherings;
    await sleep(sim, press.after);
    if ((await getCall(sim, sid))?.status !== "in-progress") return;
    await pressDigits(sim, sid, press.digits);
  }
}

export type RingOutcome = "answered" | "busy" | "no-answer" | "failed" | "canceled";

/** Phones that pick up by themselves. */
const ANSWERING = ["answer", "voicemail", "fax"];

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
    if (ANSWERING.includes(behavior.answer) && elapsed() >= behavior.answerAfter && behavior.answerAfter < timeout) return "answered";
    if (row.answerRequest === "answer") return "answered";
    if (row.answerRequest === "decline") return "busy";
    if (elapsed() >= timeout) return "no-answer";
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * After an answer, a scripted phone presses its keys and hangs up on time;
 * a voicemail plays its greeting and beep, then listens until it hangs up.
 * Runs beside the call.
 */
export function runPhoneScript(sim: Simulator, sid: string, behavior: PhoneBehavior): void {
  // Each step runs on its own timer; the call (or, at shutdown, the database) may be gone by then.
  const later = (seconds: number, step: () => Promise<unknown>) =>
    void sleep(sim, seconds)
      .then(async () => {
        if ((await getCall(sim, sid))?.status === "in-progress") await step();
      })
      .catch(() => undefined);
  const hangUpAfter = (seconds: number, why: string) =>
    later(seconds, async () => {
      await updateCall(sim, sid, { hangupRequested: true });
      await record(sim, sid, "event", why);
    });
  if (behavior.answer === "voicemail") {
    void record(sim, sid, "event", `Voicemail answered: a ${behavior.greetingSeconds} s greeting plays`).catch(() => undefined);
    later(behavior.greetingSeconds, () => record(sim, sid, "event", "Voicemail: beep. It records, and keeps nothing"));
    hangUpAfter(behavior.greetingSeconds + VOICEMAIL_LISTENS_SECONDS, "The voicemail hung up");
    return;
  }
  if (behavior.answer === "fax") {
    hangUpAfter(10, "The fax machine hung up");
    return;
  }
  for (const press of behavior.digits.filter((entry) => !entry.onPrompt)) later(press.after, () => pressDigits(sim, sid, press.digits));
  void pressOnPrompts(sim, sid, behavior.digits.filter((entry) => entry.onPrompt)).catch(() => undefined);
  if (behavior.hangupAfter !== undefined) hangUpAfter(behavior.hangupAfter, "The phone hung up");
}
