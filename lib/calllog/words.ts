import { describeOutcome, DIAL_ERRORS, type CallOutcome, type OutcomeCode } from "../calltool/call-state";
import { describeTwilioCode } from "../telephony/reasons";

/** "2 min 22 s", "45 s", "1 h 3 min": a duration as a campaigner reads it. */
export function talkTime(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s / 60} min`;
  const minutes = Math.floor((s % 3600) / 60);
  return minutes ? `${Math.floor(s / 3600)} h ${minutes} min` : `${s / 3600} h`;
}

/**
 * What Twilio's error codes mean, for the timeline. Codes on the REST path
 * reuse the member-facing reasons; the rest are the ones a member call meets.
 */
const MEANINGS: Record<number, string> = {
  ...DIAL_ERRORS,
  11200: "Twilio couldn't fetch the app's instructions for the call (the app didn't answer in time)",
  11205: "Twilio couldn't connect to the app",
  11750: "the app's answer to Twilio was too large",
  12100: "Twilio couldn't read the app's instructions",
  13212: "the target's number isn't valid",
  13214: "the call was cut short because the caller ID isn't valid",
  21210: "the caller ID isn't verified on the Twilio account",
  21212: "the caller ID isn't valid",
  21211: "the member's number isn't valid",
  21214: "the member's number can't be reached",
  21215: "calls to the member's country aren't enabled on the Twilio account",
  21216: "calls to the member's number aren't allowed",
  20429: "Twilio was rate-limiting the account",
  30008: "the carrier reported an unknown error",
  31002: "the connection was declined",
  31005: "the connection to the phone network failed",
  31009: "the phone network couldn't be reached",
};

/** "the member's number isn't valid (Twilio error 21211)". */
export function twilioErrorMeaning(code: number | null, message?: string | null): string {
  if (!code) return message ?? "";
  const meaning = MEANINGS[code] ?? (message ? message : describeTwilioCode(code).replace(/\.$/, "").toLowerCase());
  return `${meaning} (Twilio error ${code})`;
}

/** Final outcomes, as the filter lists them. */
export const FINAL_OUTCOMES = [
  "connected",
  "member-no-answer",
  "member-busy",
  "target-busy",
  "target-no-answer",
  "target-failed",
  "hung-up-before-connected",
  "no-valid-choice",
  "failed",
  "unknown",
] as const satisfies readonly OutcomeCode[];
export type FinalOutcome = (typeof FINAL_OUTCOMES)[number];

/** An outcome in the call log's words: describeOutcome's, with the talk time to the second. */
export function outcomeWords(outcome: CallOutcome): string {
  if (outcome.done && outcome.code === "connected") return `connected, ${talkTime(outcome.seconds ?? 0)} of talk`;
  return describeOutcome(outcome) ?? outcome.code;
}

/** The words of a stored outcome; null is a call still going. */
export function storedOutcomeWords(row: { outcome: string | null; talkSeconds: number | null; failureCode: number | null; failureMessage: string | null }): string {
  if (!row.outcome) return "in progress";
  return outcomeWords({ code: row.outcome as OutcomeCode, done: true, seconds: row.talkSeconds ?? 0, failureCode: row.failureCode, failureMessage: row.failureMessage });
}

/** Member-leg and target-leg statuses in words, for the filters and the CSV. */
export const MEMBER_LEG_WORDS: Record<string, string> = {
  completed: "answered",
  busy: "busy",
  "no-answer": "didn't answer",
  failed: "failed",
  canceled: "cancelled",
  "not-placed": "not placed",
  unknown: "unknown",
};
export const TARGET_LEG_WORDS: Record<string, string> = {
  none: "not dialled",
  completed: "answered",
  answered: "answered",
  busy: "busy",
  "no-answer": "didn't answer",
  failed: "failed",
  canceled: "cancelled",
};
