/**
 * A call's state is three machines, as in the design notes:
 *
 * 1. Ours, `calls.status`, which only moves forward:
 *      unstarted ──start──► started ──press 1──► connected
 *      unstarted ──Twilio refused the call──► failed
 * 2. The member leg: Twilio's status callbacks, in `call_events`. Its current
 *    status is the event with the highest SequenceNumber (callbacks may arrive
 *    out of order), "connecting" before any, "unknown" if none came in time.
 * 3. The target leg: the Dial action's DialCallStatus, in `target_call_info`,
 *    else "unknown".
 */
export const CALL_STATUSES = ["failed", "unstarted", "started", "connected"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** The statuses `to` may be reached from: the forward-only rule, in one place. */
export const ADVANCES_FROM: Record<Exclude<CallStatus, "unstarted">, CallStatus[]> = {
  failed: ["unstarted"],
  started: ["unstarted"],
  connected: ["unstarted", "started"],
};

export const MEMBER_TERMINAL = ["completed", "busy", "no-answer", "failed", "canceled"] as const;
export type MemberLegStatus = "connecting" | "unknown" | "initiated" | "ringing" | "in-progress" | (typeof MEMBER_TERMINAL)[number];
export type TargetLegStatus = "unknown" | "in-progress" | "completed" | "answered" | "busy" | "no-answer" | "failed" | "canceled";

/** No callback at all this long after the call was placed means we don't know what happened. */
export const MEMBER_UNKNOWN_AFTER_MS = 2 * 60 * 1000;

export function memberLegStatus(events: { sequenceNumber: number; callStatus: string }[], placedAt: Date, now = new Date()): MemberLegStatus {
  if (events.length === 0) return now.getTime() - placedAt.getTime() > MEMBER_UNKNOWN_AFTER_MS ? "unknown" : "connecting";
  const latest = events.reduce((best, event) => (event.sequenceNumber > best.sequenceNumber ? event : best));
  return latest.callStatus as MemberLegStatus;
}

export function isMemberTerminal(status: MemberLegStatus): boolean {
  return (MEMBER_TERMINAL as readonly string[]).includes(status);
}

export function targetLegStatus(info: Record<string, unknown>): TargetLegStatus {
  if (typeof info.DialCallStatus === "string") return info.DialCallStatus as TargetLegStatus;
  return info.answeredAt ? "in-progress" : "unknown";
}

export type CallOutcome =
  | { code: "failed"; reason: string }
  | { code: "calling" | "listening" | "connecting" | "talking" | "member-no-answer" | "member-busy" | "member-hung-up-during-message" | "target-busy" | "target-no-answer" | "target-failed" | "ended" | "unknown" }
  | { code: "connected"; seconds: number };

/** One outcome for the call log and the statistics, from the three machines. */
export function callOutcome(call: { status: string; failureMessage: string | null; targetCallInfo: Record<string, unknown> }, member: MemberLegStatus): CallOutcome {
  const target = targetLegStatus(call.targetCallInfo);
  if (call.status === "failed") return { code: "failed", reason: call.failureMessage ?? "the call could not be placed" };
  if (member === "unknown") return { code: "unknown" };
  if (member === "busy") return { code: "member-busy" };
  if (member === "no-answer" || member === "canceled" || (member === "failed" && call.status === "unstarted")) return { code: "member-no-answer" };
  const over = isMemberTerminal(member);
  if (call.status === "connected") {
    if (target === "completed" || target === "answered") return { code: "connected", seconds: Number(call.targetCallInfo.DialCallDuration ?? 0) };
    if (target === "busy") return { code: "target-busy" };
    if (target === "no-answer") return { code: "target-no-answer" };
    if (target === "failed" || target === "canceled") return { code: "target-failed" };
    return over ? { code: "ended" } : target === "in-progress" ? { code: "talking" } : { code: "connecting" };
  }
  if (call.status === "started") return over ? { code: "member-hung-up-during-message" } : { code: "listening" };
  return over ? { code: "ended" } : { code: "calling" };
}

const minutes = (seconds: number) => (seconds < 60 ? `${seconds} s` : `${Math.round(seconds / 60)} min`);

/** The outcome in the campaigners' words ("connected 3 min", "target busy"). */
export function describeOutcome(outcome: CallOutcome): string {
  switch (outcome.code) {
    case "failed":
      return `failed: ${outcome.reason}`;
    case "connected":
      return `connected ${minutes(outcome.seconds)}`;
    default:
      return {
        calling: "calling the member",
        listening: "member listening to the message",
        connecting: "connecting to the target",
        talking: "member talking to the target",
        "member-no-answer": "member didn't answer",
        "member-busy": "member's line was busy",
        "member-hung-up-during-message": "member hung up during the message",
        "target-busy": "target busy",
        "target-no-answer": "target didn't answer",
        "target-failed": "target's line failed",
        ended: "ended",
        unknown: "unknown: Twilio sent no status",
      }[outcome.code];
  }
}
