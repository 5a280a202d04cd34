import { z } from "zod";
import { recallPolicySchema } from "../recall/policy";
import { DEFAULT_SPOKEN, type Language } from "./languages";

/**
 * A call tool's settings (the plugin's `config`), shared by the editor and
 * the server. Targets are kept apart (call_targets), because members and
 * Twilio webhooks look them up by id.
 */
export const SELECTION_MODES = ["random", "pick", "drilldown", "postcode"] as const;
export type SelectionMode = (typeof SELECTION_MODES)[number];
export const SELECTION_MODE_LABELS: Record<SelectionMode, string> = {
  random: "A random target",
  pick: "The member picks from the list",
  drilldown: "The member narrows down by attributes",
  postcode: "The member's postcode (from your postcode table)",
};

/** What a member whose postcode isn't in the table is offered. */
export const POSTCODE_FALLBACKS = ["random", "pick", "sorry"] as const;
export type PostcodeFallback = (typeof POSTCODE_FALLBACKS)[number];
export const POSTCODE_FALLBACK_LABELS: Record<PostcodeFallback, string> = {
  random: "Call a random target",
  pick: "Choose from the whole list",
  sorry: "Say sorry: no call",
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

/** Seconds the member's phone rings per attempt. Twilio's default, 60, reroutes the ring abroad, where it shows as an anonymous number. */
export const RING_SECONDS = { min: 10, max: 59, default: 30 } as const;

/**
 * The call tool's recall policy: lib/recall's shared one (calls in all, the
 * delay, which outcomes, how late a recall may come), plus what a member's
 * call sets on each attempt: how long it rings, and whether a machine is
 * looked for (a machine is hung up on, counted as no answer, and recalled).
 */
export const callToolRecallSchema = recallPolicySchema.extend({
  ringSeconds: z.coerce
    .number()
    .int()
    .min(RING_SECONDS.min, `is at least ${RING_SECONDS.min} seconds`)
    .max(RING_SECONDS.max, `is under a minute: Twilio reroutes longer rings abroad, as an anonymous number`)
    .default(RING_SECONDS.default),
  machineDetection: z.boolean().default(false),
  /** No call back between 21:00 and 08:00 in the member's time zone (lib/recall/hours.ts); off, a call back comes at any hour. */
  quietHours: z.boolean().default(true),
});
export type CallToolRecall = z.infer<typeof callToolRecallSchema>;

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
  recall: callToolRecallSchema.prefault({}),
  /** Targets of the member's own choice one call dials in turn ("Next, …"); pinned targets come on top. */
  targetsPerCall: z.coerce.number().int().min(1, "is at least 1").max(MAX_TARGETS_PER_CALL, `is at most ${MAX_TARGETS_PER_CALL}`).default(1),
  /** Waiting out a busy switchboard: the member stays on the line while the target is redialled. */
  busyRedial: busyRedialSchema.default({ enabled: false, attempts: 3, delaySeconds: 30 }),
  /** The number members may dial to call without the web (one of the organisation's numbers), or "". */
  dialInNumber: e164OrEmpty.default(""),
  /** The country of the postcode table, set when it is imported: it decides how postcodes are normalised. */
  postcodeCountry: z.string().regex(/^[A-Z]{2}$/).or(z.literal("")).default(""),
  postcodeFallback: z.enum(POSTCODE_FALLBACKS).default("pick"),
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
