import { z } from "zod";
import { SELECTION_MODES } from "../calltool/config";

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
  allowedCountries: z.preprocess(
    (value) => (Array.isArray(list(value)) ? (list(value) as string[]).map((item) => item.toUpperCase()) : value),
    z.array(z.string().regex(/^[A-Z]{2}$/, "Use two-letter country codes like GB, US, FR")),
  ),
  callsPerNumberPerDay: z.coerce.number({ error: "Enter a number" }).int("Enter a whole number").min(1, "Allow at least 1 call a day").max(50, "Allow at most 50 calls a day"),
  recallEnabled: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
  recallMaxAttempts: z.coerce.number().int().min(1, "At least 1 call").max(3, "At most 3 calls"),
  recallDelayMinutes: z.coerce.number({ error: "Enter a number of minutes" }).int().min(1, "At least 1 minute").max(120, "At most 120 minutes"),
});
