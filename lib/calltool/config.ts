import { z } from "zod";
import { DEFAULT_SPOKEN, type Language } from "./languages";

/**
 * A call tool's settings (the plugin's `config`), shared by the editor and
 * the server. Targets are kept apart (call_targets), because members and
 * Twilio webhooks look them up by id.
 */
export const SELECTION_MODES = ["random", "pick", "drilldown"] as const;
export type SelectionMode = (typeof SELECTION_MODES)[number];
export const SELECTION_MODE_LABELS: Record<SelectionMode, string> = {
  random: "A random target",
  pick: "The member picks from the list",
  drilldown: "The member narrows down by attributes",
};

const e164OrEmpty = z
  .string()
  .trim()
  .refine((value) => value === "" || /^\+[1-9]\d{6,14}$/.test(value), "must be a phone number in international form, like +14155550123");

const spoken = z.object({
  /** An uploaded clip, played when present. */
  clipId: z.uuid().nullable().default(null),
  /** Read out in the page's language when there is no clip. */
  text: z.string().trim().max(2_000, "is at most 2,000 characters"),
});

export const recallPolicySchema = z.object({
  enabled: z.boolean().default(true),
  /** Calls in all, the first included; the third is the last. */
  maxAttempts: z.coerce.number().int().min(1, "is at least 1").max(3, "is at most 3").default(3),
  /** Minutes between a missed call and the next attempt. */
  delayMinutes: z.coerce.number().int().min(1, "is at least 1 minute").max(120, "is at most 120 minutes").default(2),
});

export const MAX_TARGETS_PER_CALL = 5;

export const busyRedialSchema = z.object({
  enabled: z.boolean().default(false),
  /** Automatic redials of a busy target while the member waits, at most. */
  attempts: z.coerce.number().int().min(1, "is at least 1").max(10, "is at most 10").default(3),
  /** Seconds between a busy signal and the next redial. */
  delaySeconds: z.coerce.number().int().min(5, "is at least 5 seconds").max(300, "is at most 300 seconds").default(30),
});

export const callToolConfigSchema = z.object({
  title: z.string().trim().min(1, "Give the call tool a title").max(200, "A title is at most 200 characters"),
  description: z.string().max(20_000, "The talking points are at most 20,000 characters").default(""),
  selectionMode: z.enum(SELECTION_MODES).default("pick"),
  targetByAttributes: z.array(z.string().trim().regex(/^[\p{Ll}\p{Lo}\p{N}_]+$/u, "Attribute names are lower_snake_case")).max(5).default([]),
  message: spoken,
  menu: spoken,
  /** The campaign's caller ID, one of the organisation's phone numbers; a target may override it. */
  callerId: e164OrEmpty.default(""),
  /** Countries whose members may call; empty means the countries of the targets. */
  allowedCountries: z.array(z.string().regex(/^[A-Z]{2}$/, "Countries are two-letter codes like GB")).default([]),
  callsPerNumberPerDay: z.coerce.number().int().min(1, "Allow at least 1 call a day").max(50, "Allow at most 50 calls a day").default(3),
  /** The member's whole call at most (Twilio's TimeLimit; its default is 4 hours). */
  memberTimeLimitMinutes: z.coerce.number().int().min(5, "is at least 5 minutes").max(240, "is at most 240 minutes").default(30),
  /** Talk time with the target at most (<Dial timeLimit>). */
  targetTimeLimitMinutes: z.coerce.number().int().min(1, "is at least 1 minute").max(240, "is at most 240 minutes").default(20),
  recall: recallPolicySchema.default({ enabled: true, maxAttempts: 3, delayMinutes: 2 }),
  /** Targets of the member's own choice one call dials in turn ("Next, …"); pinned targets come on top. */
  targetsPerCall: z.coerce.number().int().min(1, "is at least 1").max(MAX_TARGETS_PER_CALL, `is at most ${MAX_TARGETS_PER_CALL}`).default(1),
  /** Waiting out a busy switchboard: the member stays on the line while the target is redialled. */
  busyRedial: busyRedialSchema.default({ enabled: false, attempts: 3, delaySeconds: 30 }),
});

export type CallToolConfig = z.infer<typeof callToolConfigSchema>;

export function defaultCallToolConfig(language: Language): CallToolConfig {
  return callToolConfigSchema.parse({
    title: "Call your representative",
    message: { clipId: null, text: DEFAULT_SPOKEN[language].message },
    menu: { clipId: null, text: DEFAULT_SPOKEN[language].menu },
  });
}

/** Reads a stored config, filling what older versions lacked; a broken one falls back to the defaults. */
export function readCallToolConfig(stored: unknown, language: Language): CallToolConfig {
  const parsed = callToolConfigSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultCallToolConfig(language);
}
