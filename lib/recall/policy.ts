import { z } from "zod";
import { nextInWindow, RECALL_HOURS, type Window } from "./hours";

/**
 * When to call someone again who didn't pick up: the one policy shared by
 * the member call and the phone bank. Pure: given the policy, the attempts
 * so far and how the latest one ended, it answers whether another attempt is
 * due and when. Placing it is the caller's business.
 *
 * The seed article guards with `raise if can_recall?`, which is inverted;
 * here the third call is the last, whatever the policy says: no fourth, ever.
 */

/** Calls in all, the first included. A hard ceiling, not a default. */
export const MAX_ATTEMPTS = 3;

/** Outcomes a campaigner may choose to recall. */
export const RECALLABLE_OUTCOMES = ["busy", "no-answer", "failed"] as const;
export type RecallableOutcome = (typeof RECALLABLE_OUTCOMES)[number];

export const RECALLABLE_OUTCOME_LABELS: Record<RecallableOutcome, string> = {
  busy: "Busy",
  "no-answer": "No answer",
  failed: "Failed while ringing",
};

/**
 * How an attempt ended. `refused` is a number Twilio would not call at all
 * (invalid, not allowed): calling it again changes nothing. `machine` is
 * voicemail or a fax found by answering-machine detection: nobody answered.
 */
export type AttemptOutcome = RecallableOutcome | "machine" | "refused" | "answered" | "canceled";

export const recallPolicySchema = z.object({
  enabled: z.boolean().default(true),
  maxAttempts: z.coerce.number().int().min(1, "is at least 1").max(MAX_ATTEMPTS, `is at most ${MAX_ATTEMPTS}`).default(MAX_ATTEMPTS),
  delayMinutes: z.coerce.number().int().min(1, "is at least 1 minute").max(24 * 60, "is at most a day").default(2),
  recallOn: z.array(z.enum(RECALLABLE_OUTCOMES)).default([...RECALLABLE_OUTCOMES]),
  /** A recall that would fall later than this after the first attempt (quiet hours pushing it to the morning) is given up. */
  maxAgeHours: z.coerce.number().int().min(1, "is at least 1 hour").max(14 * 24, "is at most 14 days").default(24),
});
export type RecallPolicy = z.infer<typeof recallPolicySchema>;

export const DEFAULT_RECALL_POLICY: RecallPolicy = recallPolicySchema.parse({});

export type RecallInput = {
  policy: RecallPolicy;
  /** Attempts placed so far, the one that just ended included. */
  attemptsSoFar: number;
  outcome: AttemptOutcome;
  firstAttemptAt: Date;
  /** When the latest attempt ended: the delay counts from here. */
  endedAt: Date;
  /** The callee's possible time zones (see time-zone.ts); empty means unknown. */
  timeZones: readonly string[];
  /** When a recall may be placed, in the callee's time; quiet hours are outside it. */
  window?: Window;
};

export type RecallDecision =
  | { recall: true; attempt: number; at: Date; postponed: boolean }
  | { recall: false; reason: "disabled" | "answered" | "refused" | "not-recalled" | "last-attempt" | "too-late" | "no-calling-hours" };

/** Machine answers count as no answer; everything else is what it says. */
export function effectiveOutcome(outcome: AttemptOutcome): AttemptOutcome {
  return outcome === "machine" ? "no-answer" : outcome;
}

export function nextAttempt(input: RecallInput): RecallDecision {
  const { policy, attemptsSoFar } = input;
  const outcome = effectiveOutcome(input.outcome);
  if (outcome === "answered") return { recall: false, reason: "answered" };
  if (outcome === "refused") return { recall: false, reason: "refused" };
  if (!policy.enabled) return { recall: false, reason: "disabled" };
  if (outcome === "canceled" || !(policy.recallOn as readonly string[]).includes(outcome)) return { recall: false, reason: "not-recalled" };
  if (attemptsSoFar >= Math.min(policy.maxAttempts, MAX_ATTEMPTS)) return { recall: false, reason: "last-attempt" };

  const due = new Date(input.endedAt.getTime() + policy.delayMinutes * 60_000);
  const at = nextInWindow(due, input.timeZones, input.window ?? RECALL_HOURS);
  if (!at) return { recall: false, reason: "no-calling-hours" };
  if (at.getTime() > input.firstAttemptAt.getTime() + policy.maxAgeHours * 3600_000) return { recall: false, reason: "too-late" };
  return { recall: true, attempt: attemptsSoFar + 1, at, postponed: at.getTime() > due.getTime() };
}
