import { MAX_MENU_ROUNDS } from "../calltool/call-state";
import type { CallAttempt, CallEvent, CallStep, TargetDial } from "../calltool/call-schema";
import { talkTime, twilioErrorMeaning } from "./words";

/**
 * A call's timeline in sentences ("Member answered", "Pressed 1", "Calling
 * Priya Shah"), built from the rows the call left: the member leg's attempts
 * and status callbacks, the TwiML steps (call_steps), the dials to the target.
 * Pure, so the wording is tested without a database.
 */
export type TimelineEntry = {
  at: Date;
  /** The member-leg attempt the entry belongs to: recalls read as their own chapter. */
  attempt: number;
  text: string;
  tone: "neutral" | "good" | "bad";
  /** Technical ids (CallSid, sequence number…) and the raw payload, shown behind "details". */
  details?: Record<string, string>;
  payload?: Record<string, unknown>;
};

export type TimelineInput = {
  targetName: string;
  attempts: Pick<CallAttempt, "attempt" | "placement" | "callSid" | "scheduledAt" | "placedAt" | "endedAt" | "updatedAt" | "errorCode" | "errorMessage">[];
  events: Pick<CallEvent, "attempt" | "callSid" | "sequenceNumber" | "callStatus" | "callDuration" | "answeredBy" | "errorCode" | "errorMessage" | "payload" | "receivedAt">[];
  steps: Pick<CallStep, "attempt" | "step" | "replay" | "round" | "wrong" | "digits" | "result" | "at">[];
  dials: Pick<TargetDial, "attempt" | "dial" | "targetName" | "dialCallSid" | "dialCallStatus" | "duration" | "answeredAt" | "endedAt" | "errorCode" | "errorMessage" | "createdAt">[];
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Twilio's own time of a callback (its Timestamp parameter), which stays right when callbacks arrive late or shuffled. */
function eventTime(event: TimelineInput["events"][number]): Date {
  const stamp = first(event.payload.Timestamp);
  const parsed = stamp ? new Date(stamp) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : event.receivedAt;
}

const digitWords = (digits: string) => `Pressed ${digits.split("").join(", ")}`;

function stepText(step: TimelineInput["steps"][number]): string {
  if (step.step === "message") return step.replay === 0 ? "Message started playing" : `Message played again (${step.replay} of 3 replays)`;
  // A menu request: `round` is the round that just ended (0: the message), `digits` what was pressed in it.
  if (step.round === 0) return step.digits ? `${digitWords(step.digits)} during the message: skipped to the menu` : "Message finished: menu played";
  const pressed = step.digits ? digitWords(step.digits) : "No key pressed";
  switch (step.result) {
    case "connect":
      return pressed;
    case "replay":
      return `${pressed}: hear the message again`;
    case "goodbye":
      return `${pressed}${step.digits && step.digits !== "2" ? ", which isn't an option" : ""}: no valid choice after ${MAX_MENU_ROUNDS} rounds, so the call said goodbye`;
    default:
      if (!step.digits) return "No key pressed: menu repeated";
      if (step.digits === "2") return `${pressed}: no more replays, menu repeated`;
      return `${pressed}, which isn't an option: menu repeated`;
  }
}

function memberEventText(event: TimelineInput["events"][number], talkedSeconds: number | null): { text: string; tone: TimelineEntry["tone"] } {
  const inbound = first(event.payload.Direction) === "inbound";
  const error = event.errorCode || event.errorMessage ? `: ${twilioErrorMeaning(event.errorCode, event.errorMessage)}` : "";
  switch (event.callStatus) {
    case "queued":
      return { text: "Twilio queued the call to the member", tone: "neutral" };
    case "initiated":
      return { text: inbound ? "Member called in" : "Dialling the member's phone", tone: "neutral" };
    case "ringing":
      return { text: inbound ? "Member's call came in" : "Member's phone rang", tone: "neutral" };
    case "in-progress":
      if (event.answeredBy?.startsWith("machine")) return { text: "Answered by voicemail or a machine", tone: "bad" };
      return { text: inbound ? "Member's call was answered" : "Member answered", tone: "neutral" };
    case "completed": {
      if (talkedSeconds !== null) return { text: `Call ended after ${talkTime(talkedSeconds)} of talk`, tone: "good" };
      return { text: event.callDuration ? `Call ended after ${talkTime(event.callDuration)} on the line` : "Call ended", tone: "neutral" };
    }
    case "busy":
      return { text: "Member's line was busy", tone: "bad" };
    case "no-answer":
      return { text: "Member didn't answer", tone: "bad" };
    case "canceled":
      return { text: "The call to the member was cancelled before it was answered", tone: "bad" };
    case "failed":
      return { text: `The call to the member failed${error || ": Twilio gave no reason"}`, tone: "bad" };
    default:
      return { text: `Twilio reported "${event.callStatus}"`, tone: "neutral" };
  }
}

function dialEntries(dial: TimelineInput["dials"][number]): Omit<TimelineEntry, "attempt">[] {
  const name = dial.targetName;
  const details = { "Dial number": String(dial.dial), ...(dial.dialCallSid ? { "Target call id (DialCallSid)": dial.dialCallSid } : {}) };
  const entries: Omit<TimelineEntry, "attempt">[] = [{ at: dial.createdAt, text: dial.dial === 1 ? `Calling ${name}` : `Calling ${name} again (try ${dial.dial})`, tone: "neutral", details }];
  if (dial.answeredAt) entries.push({ at: dial.answeredAt, text: `${name} answered`, tone: "good" });
  if (dial.dialCallStatus) {
    const at = dial.endedAt ?? dial.answeredAt ?? dial.createdAt;
    const error = dial.errorCode || dial.errorMessage ? `: ${twilioErrorMeaning(dial.errorCode, dial.errorMessage)}` : "";
    const text = {
      completed: `Talked with ${name} for ${talkTime(dial.duration ?? 0)}`,
      answered: `Talked with ${name} for ${talkTime(dial.duration ?? 0)}`,
      busy: `${name}'s line was busy`,
      "no-answer": `${name} didn't pick up`,
      failed: `The call to ${name} failed${error || ""}`,
      canceled: `The call to ${name} was cancelled: the member hung up while it rang`,
    }[dial.dialCallStatus] ?? `The call to ${name} ended (${dial.dialCallStatus})`;
    const talked = dial.dialCallStatus === "completed" || dial.dialCallStatus === "answered";
    entries.push({ at, text, tone: talked ? "good" : "bad", details: { "Result (DialCallStatus)": dial.dialCallStatus, ...(dial.duration !== null ? { "Duration (s)": String(dial.duration) } : {}) } });
  }
  return entries;
}

function attemptEntries(attempt: TimelineInput["attempts"][number]): Omit<TimelineEntry, "attempt">[] {
  const recall = attempt.attempt > 1;
  const details = attempt.callSid ? { "Member call id (CallSid)": attempt.callSid } : undefined;
  const entries: Omit<TimelineEntry, "attempt">[] = [];
  if (recall) entries.push({ at: attempt.scheduledAt, text: `Recall: attempt ${attempt.attempt} scheduled`, tone: "neutral" });
  if (attempt.placement === "waiting") entries.push({ at: attempt.scheduledAt, text: "Waiting for its turn to be placed", tone: "neutral" });
  if (attempt.placedAt) entries.push({ at: attempt.placedAt, text: recall ? `Calling the member again (attempt ${attempt.attempt})` : "Asked Twilio to call the member", tone: "neutral", details });
  if (attempt.placement === "refused") {
    entries.push({ at: attempt.endedAt ?? attempt.updatedAt, text: `Twilio refused the call: ${twilioErrorMeaning(attempt.errorCode, attempt.errorMessage) || "no reason given"}`, tone: "bad" });
  }
  if (attempt.placement === "not-placed") entries.push({ at: attempt.endedAt ?? attempt.updatedAt, text: "Our phone provider never placed the call", tone: "bad" });
  return entries;
}

const TERMINAL = new Set(["completed", "busy", "no-answer", "canceled", "failed"]);

/** The whole call, oldest first; each attempt's last word closes its chapter. */
export function buildTimeline(input: TimelineInput): TimelineEntry[] {
  const talked = input.dials.filter((dial) => dial.dialCallStatus === "completed" || dial.dialCallStatus === "answered");
  const talkedByAttempt = (attempt: number) => {
    const mine = talked.filter((dial) => dial.attempt === attempt);
    return mine.length ? mine.reduce((sum, dial) => sum + (dial.duration ?? 0), 0) : null;
  };
  type Sortable = TimelineEntry & { last: boolean; order: number; sortAt: number };
  const entries: Sortable[] = [];
  const add = (attempt: number, entry: Omit<TimelineEntry, "attempt">, last = false, sortAt = entry.at.getTime()) => entries.push({ ...entry, attempt, last, order: entries.length, sortAt });
  // Twilio's Timestamp has whole seconds, so a callback can seem to precede the request that placed the call: it sorts after it.
  const placedAt = new Map(input.attempts.map((attempt) => [attempt.attempt, (attempt.placedAt ?? attempt.scheduledAt).getTime()]));

  for (const attempt of input.attempts) for (const entry of attemptEntries(attempt)) add(attempt.attempt, entry);
  for (const event of input.events) {
    const { text, tone } = memberEventText(event, event.callStatus === "completed" ? talkedByAttempt(event.attempt) : null);
    const at = eventTime(event);
    add(
      event.attempt,
      { at, text, tone, details: { "Member call id (CallSid)": event.callSid, "Twilio's sequence number": String(event.sequenceNumber), "Twilio's status": event.callStatus }, payload: event.payload },
      TERMINAL.has(event.callStatus),
      Math.max(at.getTime(), placedAt.get(event.attempt) ?? 0),
    );
  }
  for (const step of input.steps) add(step.attempt, { at: step.at, text: stepText(step), tone: "neutral" });
  for (const dial of input.dials) for (const entry of dialEntries(dial)) add(dial.attempt, entry);

  entries.sort((a, b) => a.attempt - b.attempt || Number(a.last) - Number(b.last) || a.sortAt - b.sortAt || a.order - b.order);
  return entries.map((entry) => ({ at: entry.at, attempt: entry.attempt, text: entry.text, tone: entry.tone, ...(entry.details ? { details: entry.details } : {}), ...(entry.payload ? { payload: entry.payload } : {}) }));
}
