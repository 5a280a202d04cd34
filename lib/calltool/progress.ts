import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { isMemberTerminal, memberLegStatus, targetLegStatus } from "./call-state";
import { memberStrings, refusalReason } from "./member-strings";

export type MemberProgress = {
  stage: "calling" | "answered" | "connecting" | "connected" | "ended" | "failed";
  done: boolean;
  message: string;
  targetName: string;
  /** Where to go next, with the target's name passed along; only once the call is over. */
  followUpUrl: string | null;
};

type CallView = {
  status: string;
  createdAt: Date;
  memberPhone: string;
  failureCode: number | null;
  targetCallInfo: Record<string, unknown>;
  script: { language: string; target: { name: string }; followUpUrl: string | null };
};

/** "+44 20…": enough for the member to recognise their number, not enough to read it off a screen. */
export function numberPrefix(e164: string): string {
  const formatted = parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
  return `${formatted.split(" ").slice(0, 2).join(" ")}…`;
}

const formatDuration = (seconds: number) => (seconds < 60 ? `${seconds} s` : `${Math.round(seconds / 60)} min`);

/**
 * What the member's page says now, from the three machines. It reveals only
 * what the member entered (a prefix of their number) and the target's name.
 */
export function memberProgress(call: CallView, events: { sequenceNumber: number; callStatus: string }[], now = new Date()): MemberProgress {
  const strings = memberStrings(call.script.language);
  const target = call.script.target.name;
  const member = memberLegStatus(events, call.createdAt, now);
  const dial = targetLegStatus(call.targetCallInfo);
  const followUp = () => {
    if (!call.script.followUpUrl) return null;
    const url = new URL(call.script.followUpUrl);
    url.searchParams.set("target", target);
    return url.toString();
  };
  const result = (stage: MemberProgress["stage"], message: string): MemberProgress => {
    const done = stage === "ended" || stage === "failed";
    return { stage, done, message, targetName: target, followUpUrl: done ? followUp() : null };
  };

  if (call.status === "failed") return result("failed", strings.failed(refusalReason(strings, call.failureCode ?? 0, 400)));
  if (isMemberTerminal(member) || member === "unknown") {
    if (call.status === "unstarted" && member === "busy") return result("ended", strings.busy);
    if (call.status === "unstarted" && member !== "completed") return result("ended", strings.noAnswer);
    const seconds = Number(call.targetCallInfo.DialCallDuration ?? 0);
    return result("ended", strings.ended(dial === "completed" && seconds > 0 ? formatDuration(seconds) : null));
  }
  if (call.status === "connected") {
    if (dial === "in-progress") return result("connected", strings.connected);
    if (dial === "busy" || dial === "no-answer") return result("connecting", strings.targetBusy(target));
    return result("connecting", strings.connectingTo(target));
  }
  if (call.status === "started" || member === "in-progress") return result("answered", strings.answered);
  return result("calling", strings.calling(numberPrefix(call.memberPhone)));
}
