/** "How did it go?": the member's own word on a connected call, which call durations alone can't tell. */
export const FEEDBACK_ANSWERS = ["spoke", "voicemail", "no-answer"] as const;
export type FeedbackAnswer = (typeof FEEDBACK_ANSWERS)[number];

export const FEEDBACK_LABELS: Record<FeedbackAnswer, string> = {
  spoke: "Spoke to someone",
  voicemail: "Left a voicemail",
  "no-answer": "Couldn't get through",
};

export const NOTE_MAX = 200;

