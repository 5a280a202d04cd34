/** "How did it go?": the member's own word on a connected call, which call durations alone can't tell. */
export const FEEDBACK_ANSWERS = ["spoke", "voicemail", "no-answer"] as const;
export type FeedbackAnswer = (typeof FEEDBACK_ANSWERS)[number];

export const FEEDBACK_LABELS: Record<FeedbackAnswer, string> = {
  spoke: "Spoke to someone",
  voicemail: "Left a voicemail",
  "no-answer": "Couldn't get through",
};

export const NOTE_MAX = 200;


/** What the status page without JavaScript says after its form is sent (`?feedback=`): how it went, or the field at fault. */
export const FEEDBACK_PAGE_STATES = ["thanks", "already", "answer", "note", "failed"] as const;
export type FeedbackPageState = (typeof FEEDBACK_PAGE_STATES)[number];
/** Only the app's own states: a crafted link gets the plain question. */
export const feedbackPageState = (value: unknown): FeedbackPageState | null => (FEEDBACK_PAGE_STATES as readonly unknown[]).includes(value) ? (value as FeedbackPageState) : null;
