import { z } from "zod";
import { FEEDBACK_ANSWERS, NOTE_MAX } from "./answers";

/** What POST /api/calls/<id>/feedback accepts. Apart from answers.ts, so the member's page doesn't load zod for the answers' names. */
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
