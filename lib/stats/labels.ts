import { describeOutcome, type OutcomeCode } from "../calltool/call-state";
import { TARGET_LEG_WORDS } from "../calllog/words";

/** Outcome codes in the campaigners' words, without a particular call's talk time or reason. */
export function outcomeLabel(code: string): string {
  if (code === "connected") return "connected to the target";
  if (code === "failed") return "not placed";
  return describeOutcome({ code: code as OutcomeCode, done: true });
}

const MEMBER_LEG: Record<string, string> = {
  waiting: "waiting to be placed",
  placing: "being placed",
  "not-placed": "never placed",
  unknown: "no word from Twilio",
  queued: "queued at Twilio",
  initiated: "dialling",
  ringing: "ringing",
  "in-progress": "on the call",
  completed: "answered",
  busy: "busy",
  "no-answer": "didn't answer",
  failed: "failed",
  canceled: "cancelled",
};

// The call log's words, plus the states a live dial passes through.
const TARGET_LEG: Record<string, string> = { ...TARGET_LEG_WORDS, ringing: "ringing", "in-progress": "talking" };

export const memberLegLabel = (status: string) => MEMBER_LEG[status] ?? status;
export const targetLegLabel = (status: string) => TARGET_LEG[status] ?? status;

/** "2 min 05 s", "45 s", or an en dash for none. */
export function talkTime(seconds: number | null): string {
  if (seconds === null) return "–";
  const whole = Math.round(seconds);
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
}
