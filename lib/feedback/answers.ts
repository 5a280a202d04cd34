import { z } from "zod";

/** "How did it go?": the member's own word on a connected call, which call durations alone can't tell. */
export const FEEDBACK_ANSWERS = ["spoke", "voicemail", "no-answer"] as const;
export type FeedbackAnswer = (typeof FEEDBACK_ANSWERS)[number];

export const FEEDBACK_LABELS: Record<FeedbackAnswer, string> = {
  spoke: "Spoke to someone",
  voicemail: "Left a voicemail",
  "no-answer": "Couldn't get through",
};

export const NOTE_MAX = 200;

export const feedbackSchema = z.object({
  token: z.string().min(1).max(100),
  answer: z.enum(FEEDBACK_ANSWERS, { error: "Choose one of the answers." }),
  note: z
    .string()
    .max(NOTE_MAX, { error: `Keep the note under ${NOTE_MAX} characters.` })
    // One line: control characters (NUL, line breaks) and runs of spaces become one space.
    .transform((note) => note.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim())
    .default(""),
});
