import { z } from "zod";
import { MAX_ATTEMPTS, type RecallableOutcome, type RecallPolicy } from "../recall/policy";

/** A checkbox as a form posts it: "on" when ticked, absent otherwise. */
export const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

/**
 * The recall policy's fields as a settings form posts them, flat, shared by
 * the call tool's and the phone bank's forms. Each error names its field, so
 * the editor shows it there.
 */
export const recallFormFields = {
  recallEnabled: checkbox,
  recallMaxAttempts: z.coerce.number({ error: "Enter a number" }).int("Enter a whole number").min(1, "At least 1 call").max(MAX_ATTEMPTS, `At most ${MAX_ATTEMPTS} calls`),
  recallDelayMinutes: z.coerce.number({ error: "Enter a number of minutes" }).int("Enter whole minutes").min(1, "At least 1 minute").max(24 * 60, "At most a day"),
  // One checkbox each: the action wrapper reads a form as one value per name.
  recallOnBusy: checkbox,
  recallOnNoAnswer: checkbox,
  recallOnFailed: checkbox,
  recallMaxAgeHours: z.coerce.number({ error: "Enter a number of hours" }).int("Enter whole hours").min(1, "At least 1 hour").max(14 * 24, "At most 14 days"),
  machineDetection: checkbox,
};

type RecallForm = { [Key in keyof typeof recallFormFields]: z.output<(typeof recallFormFields)[Key]> };

/** The outcomes the form's checkboxes chose to recall. */
export function recallOnOf(form: Pick<RecallForm, "recallOnBusy" | "recallOnNoAnswer" | "recallOnFailed">): RecallableOutcome[] {
  const chosen: [boolean, RecallableOutcome][] = [
    [form.recallOnBusy, "busy"],
    [form.recallOnNoAnswer, "no-answer"],
    [form.recallOnFailed, "failed"],
  ];
  return chosen.filter(([on]) => on).map(([, outcome]) => outcome);
}

/** The shared policy from the form's fields. */
export function recallPolicyOf(form: Omit<RecallForm, "machineDetection">): RecallPolicy {
  return {
    enabled: form.recallEnabled,
    maxAttempts: form.recallMaxAttempts,
    delayMinutes: form.recallDelayMinutes,
    recallOn: recallOnOf(form),
    maxAgeHours: form.recallMaxAgeHours,
  };
}
