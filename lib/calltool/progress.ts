import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { callOutcome, outcomeRank, targetAnswered, type CallFacts, type CallOutcome } from "./call-state";
import type { CallScript } from "./call-schema";
import { formatCountdown } from "./countdown";
import { memberStrings, refusalReason } from "./member-strings";
import { scriptTargets, targetAt } from "./sequence";

export type MemberProgress = {
  /** The outcome's code (see call-state.ts): "placing", "talking", "target-busy"… */
  stage: CallOutcome["code"];
  done: boolean;
  /** Where the stage sits on the way to the end: a page never shows a lower rank after a higher one. */
  rank: number;
  message: string;
  targetName: string;
  /** Only after a call in which the member talked to the target. */
  connected: boolean;
  /** Where to go next, with the target's name passed along; only after a connected call. */
  followUpUrl: string | null;
  /** While a recall waits: seconds until it (counted down by the page), and which call it will be. */
  recall: { seconds: number; attempt: number; of: number } | null;
  /** The member may still say "Stop calling me": a recall waits, or may follow the call ringing now. */
  canStop: boolean;
};

type CallView = {
  memberPhone: string;
  recallsStoppedAt?: Date | null;
  script: { language: string; target: { name: string }; targets?: { name: string }[]; followUpUrl: string | null; busyRedial?: CallScript["busyRedial"] };
};

/** "+44 20…": enough for the member to recognise their number, not enough to read it off a screen. */
export function numberPrefix(e164: string): string {
  const formatted = parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
  return `${formatted.split(" ").slice(0, 2).join(" ")}…`;
}

export const formatDuration = (seconds: number) => (seconds < 60 ? `${seconds} s` : `${Math.round(seconds / 60)} min`);

/**
 * What the member's page says now, from the three machines. It reveals only
 * what the member entered (a prefix of their number) and the target's name.
 */
export function memberProgress(call: CallView, facts: CallFacts, now = new Date()): MemberProgress {
  const strings = memberStrings(call.script.language);
  const total = scriptTargets(call.script).length;
  const outcome = callOutcome({ ...facts, sequence: { total, redials: call.script.busyRedial?.attempts ?? 0 } }, now);
  const dialled = facts.dials.find((dial) => dial.dial === outcome.dial);
  // The dial's own record names who was dialled; a target not dialled yet is named by the script.
  const target = dialled?.targetName ?? targetAt(call.script, outcome.position ?? 1).name;
  const position = outcome.position ?? dialled?.position ?? 1;
  const talkedTo = () => {
    const names = [...new Set(facts.dials.filter(targetAnswered).sort((a, b) => a.dial - b.dial).map((dial) => dial.targetName))];
    return new Intl.ListFormat(call.script.language, { type: "conjunction" }).format(names);
  };
  const message = (() => {
    switch (outcome.code) {
      case "recall-waiting":
        return strings.recallWaiting(formatCountdown(outcome.seconds ?? 0), outcome.attempt ?? 2, outcome.of ?? 2);
      case "waiting":
        return outcome.seconds && outcome.seconds > 1 ? strings.waiting(outcome.seconds) : strings.placing;
      case "placing":
        return strings.placing;
      case "calling":
        return (outcome.attempt ?? 1) > 1 ? strings.recallCalling(numberPrefix(call.memberPhone), outcome.attempt!, outcome.of ?? 1) : strings.calling(numberPrefix(call.memberPhone));
      case "listening":
        return strings.answered;
      case "connecting":
        return total > 1 ? strings.sequenceCalling(position, total, target) : strings.connectingTo(target);
      case "busy-waiting":
        return strings.busyRedialing(target, outcome.redial ?? 1, call.script.busyRedial?.attempts ?? 1);
      case "retry-offered":
        return dialled?.dialCallStatus === "busy" ? strings.retryBusy(target) : strings.retryNoAnswer(target);
      case "talking":
        return total > 1 ? strings.sequenceTalking(position, total, target) : strings.talking(target);
      case "connected":
        return (outcome.targets ?? 1) > 1 ? strings.connectedSeveral(talkedTo(), formatDuration(outcome.seconds ?? 0)) : strings.connected(target, formatDuration(outcome.seconds ?? 0));
      case "member-no-answer":
        return call.recallsStoppedAt ? `${strings.memberNoAnswer} ${strings.recallsStopped}` : strings.memberNoAnswer;
      case "member-busy":
        return call.recallsStoppedAt ? `${strings.memberBusy} ${strings.recallsStopped}` : strings.memberBusy;
      case "target-busy":
        return strings.targetBusy(target);
      case "target-no-answer":
        return strings.targetNoAnswer(target);
      case "target-failed":
        return strings.targetFailed(target);
      case "hung-up-before-connected":
        return strings.hungUpBeforeConnected;
      case "no-valid-choice":
        return strings.noValidChoice;
      case "failed":
        return strings.failed(facts.attempt?.placement === "not-placed" ? strings.reasons.notPlaced : refusalReason(strings, outcome.failureCode));
      case "unknown":
        return strings.unknown;
    }
  })();
  const connected = outcome.code === "connected";
  const followUp = () => {
    if (!call.script.followUpUrl) return null;
    const url = new URL(call.script.followUpUrl);
    url.searchParams.set("target", target);
    return url.toString();
  };
  const recall = outcome.code === "recall-waiting" ? { seconds: outcome.seconds ?? 0, attempt: outcome.attempt ?? 2, of: outcome.of ?? 2 } : null;
  const mayRecall = (outcome.of ?? 1) > (outcome.attempt ?? 1) && ["placing", "calling"].includes(outcome.code);
  const canStop = !outcome.done && !call.recallsStoppedAt && (recall !== null || mayRecall);
  return { stage: outcome.code, done: outcome.done, rank: outcomeRank(outcome), message, targetName: target, connected, followUpUrl: connected ? followUp() : null, recall, canStop };
}
