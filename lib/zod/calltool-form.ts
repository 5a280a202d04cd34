import { z } from "zod";
import { MAX_TARGETS_PER_CALL, POSTCODE_FALLBACKS, RING_SECONDS, SELECTION_MODES } from "../calltool/config";
import { countryCodeProblem } from "../calltool/targets";
import { checkbox, recallFormFields } from "./recall-form";

const list = (value: unknown) =>
  typeof value === "string"
    ? value
        .split(/[\s,]+/)
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

/** The call tool settings form, as posted: flat fields that the action folds into a CallToolConfig. */
export const settingsFormSchema = z.object({
  title: z.string().trim().min(1, "Give the call tool a title").max(200, "A title is at most 200 characters"),
  description: z.string().max(20_000, "The talking points are at most 20,000 characters").default(""),
  selectionMode: z.enum(SELECTION_MODES, { error: "Choose how members get a target" }),
  targetByAttributes: z.preprocess(
    (value) => (Array.isArray(list(value)) ? (list(value) as string[]).map((item) => item.toLowerCase()) : value),
    z.array(z.string().regex(/^[\p{L}\p{N}_]+$/u, "Attribute names are words joined by underscores, like postal_code")).max(5, "At most 5 attributes"),
  ),
  messageText: z.string().trim().min(1, "Write what the phone says when there is no recording").max(2_000, "At most 2,000 characters"),
  menuText: z.string().trim().min(1, "Write the menu the phone reads when there is no recording").max(2_000, "At most 2,000 characters"),
  callerId: z.string().trim().default(""),
  dialInNumber: z.string().trim().default(""),
  postcodeFallback: z.enum(POSTCODE_FALLBACKS, { error: "Choose what members whose postcode isn't found are offered" }).default("pick"),
  // ISO 3166-1 alpha-2 codes, checked as the targets' CSV import checks them: "UK" is a slip for GB.
  allowedCountries: z.preprocess(
    (value) => (Array.isArray(list(value)) ? (list(value) as string[]).map((item) => item.toUpperCase()) : value),
    z.array(z.string()).superRefine((codes, ctx) => {
      const problems = codes.map((code) => ({ code, problem: countryCodeProblem(code) })).filter((entry) => entry.problem);
      if (problems.length === 0) return;
      const words = problems.map(({ code, problem }) => (problem === "UK" ? "UK isn't a country code: use GB for the United Kingdom" : `${code.slice(0, 12)} isn't a country code`));
      ctx.addIssue({ code: "custom", message: `${words.join("; ")}. Use two-letter codes like GB, US, FR.` });
    }),
  ),
  callsPerNumberPerDay: z.coerce.number({ error: "Enter a number" }).int("Enter a whole number").min(1, "Allow at least 1 call a day").max(50, "Allow at most 50 calls a day"),
  memberTimeLimitMinutes: z.coerce.number({ error: "Enter a number of minutes" }).int("Enter whole minutes").min(5, "At least 5 minutes").max(240, "At most 240 minutes"),
  targetTimeLimitMinutes: z.coerce.number({ error: "Enter a number of minutes" }).int("Enter whole minutes").min(1, "At least 1 minute").max(240, "At most 240 minutes"),
  ...recallFormFields,
  recallQuietHours: checkbox,
  ringSeconds: z.coerce
    .number({ error: "Enter a number of seconds" })
    .int("Enter whole seconds")
    .min(RING_SECONDS.min, `At least ${RING_SECONDS.min} seconds`)
    .max(RING_SECONDS.max, "Under a minute: Twilio reroutes longer rings abroad, where they show as an anonymous number"),
  targetsPerCall: z.coerce.number({ error: "Enter a number of targets" }).int("Enter a whole number").min(1, "At least 1 target").max(MAX_TARGETS_PER_CALL, `At most ${MAX_TARGETS_PER_CALL} targets`),
  busyRedialEnabled: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
  busyRedialAttempts: z.coerce.number({ error: "Enter a number of redials" }).int("Enter a whole number").min(1, "At least 1 redial").max(10, "At most 10 redials"),
  busyRedialDelaySeconds: z.coerce.number({ error: "Enter a number of seconds" }).int("Enter whole seconds").min(5, "At least 5 seconds").max(300, "At most 300 seconds"),
});
