import { z } from "zod";
import { parseClock } from "../recall/hours";
import { recallFormFields } from "./recall-form";

export const DO_NOT_CALL = "Do not call";
export const DEFAULT_DISPOSITIONS = ["Supportive", "Undecided", "Not interested", "Wrong number", "Left voicemail", DO_NOT_CALL];

const e164OrEmpty = z
  .string()
  .trim()
  .refine((value) => value === "" || /^\+[1-9]\d{6,14}$/.test(value), "Choose a number from the Phone numbers list");

/** A time of day; the end of calling hours may also be 24:00, the end of the day. */
const clock = (label: string, endOfDay = false) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const minutes = endOfDay && value === "24:00" ? 24 * 60 : parseClock(value);
      if (minutes === null) {
        ctx.addIssue({ code: "custom", message: `Enter the ${label} as a 24-hour time, like 09:00` });
        return z.NEVER;
      }
      return minutes;
    });

/**
 * The phone bank settings form, as posted: flat fields. Dispositions are one
 * per line; "Do not call" is always offered, because a lead who asks for it
 * must be able to get it.
 */
export const phoneBankFormSchema = z
  .object({
    name: z.string().trim().min(1, "Give the phone bank a name").max(200, "A name is at most 200 characters"),
    script: z.string().max(20_000, "The script is at most 20,000 characters").default(""),
    inboundNumber: e164OrEmpty.default(""),
    callerId: e164OrEmpty.default(""),
    dispositions: z.preprocess(
      (value) =>
        typeof value === "string"
          ? value
              .split(/\r?\n/)
              .map((line) => line.trim())
              .filter(Boolean)
          : value,
      z
        .array(z.string().max(60, "A disposition is at most 60 characters"))
        .min(1, "List at least one outcome volunteers can choose")
        .max(20, "At most 20 outcomes")
        .transform((list) => {
          const unique = [...new Map(list.map((item) => [item.toLowerCase(), item])).values()];
          return unique.some((item) => item.toLowerCase() === DO_NOT_CALL.toLowerCase()) ? unique : [...unique, DO_NOT_CALL];
        }),
    ),
    callingStart: clock("start of calling hours"),
    callingEnd: clock("end of calling hours", true),
    ...recallFormFields,
    voicemailMessage: z.string().trim().max(1_000, "At most 1,000 characters").default(""),
  })
  .superRefine((form, ctx) => {
    if (form.callingEnd <= form.callingStart) ctx.addIssue({ code: "custom", path: ["callingEnd"], message: "Calling hours must end after they start" });
  });

export type PhoneBankForm = z.output<typeof phoneBankFormSchema>;
