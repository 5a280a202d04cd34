/**
 * A call's state is three machines, as in the design notes, typed here and
 * nowhere else:
 *
 * 1. Ours, `calls.status`, which only moves forward:
 *      unstarted ──start──► started ──press 1──► connected
 *      unstarted ──Twilio refused the call, or its leg failed before ringing──► failed
 * 2. The member leg, one `call_attempts` row per `calls.create`. Before
 *    Twilio's callbacks, the attempt's placement says what we know of it:
 *      waiting ──its pacing slot──► unknown ──Twilio answered──► placed
 *                                   unknown ──Twilio refused──► refused
 *                                   unknown ──reconciliation found no call──► not-placed
 *      waiting ──the member asked not to be called again──► canceled
 *    Attempt 1 is the member's request; a missed attempt (busy, no answer,
 *    failed while ringing, a machine) adds attempt N+1, waiting for its time
 *    (lib/calltool/recall.ts), up to the policy's calls in all.
 *    `unknown` is honest: the request went out and no answer came back, so
 *    Twilio may have created the call. Any signed callback for the attempt
 *    moves it to placed. Once placed, the leg's status is Twilio's CallStatus
 *    of the callback with the highest SequenceNumber.
 * 3. The target leg, one `target_dials` row per <Dial>: ringing until Twilio's
 *    <Number url> says they answered, then talking, then the Dial action's
 *    DialCallStatus.
 */
export const CALL_STATUSES = ["failed", "unstarted", "started", "connected"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** The statuses `to` may be reached from: the forward-only rule, in one place. */
export const ADVANCES_FROM: Record<Exclude<CallStatus, "unstarted">, CallStatus[]> = {
  failed: ["unstarted"],
  // Twilio's refusals never produce a request, so a signed one for a "failed"
  // call proves that we concluded too early (reconciliation): it moves on.
  started: ["unstarted", "failed"],
  connected: ["unstarted", "started", "failed"],
};

/** `canceled`: a recall that was waiting when the member asked not to be called again; it is never placed. */
export const PLACEMENTS = ["waiting", "unknown", "placed", "refused", "not-placed", "canceled"] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** Twilio's CallStatus values for the member leg. */
export const MEMBER_TERMINAL = ["completed", "busy", "no-answer", "failed", "canceled"] as const;
export type TwilioCallStatus = "queued" | "initiated" | "ringing" | "in-progress" | (typeof MEMBER_TERMINAL)[number];
export const isMemberTerminal = (status: string | null | undefined): boolean => (MEMBER_TERMINAL as readonly string[]).includes(status ?? "");

/** Twilio's DialCallStatus values. */
export const DIAL_STATUSES = ["completed", "answered", "busy", "no-answer", "failed", "canceled"] as const;
export type DialCallStatus = (typeof DIAL_STATUSES)[number];

/** The member leg as one word: our placement until Twilio has spoken, then Twilio's status. */
export type MemberLegStatus = "waiting" | "placing" | "not-placed" | "unknown" | TwilioCallStatus;
/** The target leg as one word. */
export type TargetLegStatus = "none" | "ringing" | "in-progress" | DialCallStatus;

/** A placed call with no callback at all this long after placing: we don't know what happened (reconciliation asks Twilio). */
export const MEMBER_UNKNOWN_AFTER_MS = 2 * 60 * 1000;

export type AttemptFacts = {
  attempt: number;
  placement: string;
  scheduledAt: Date;
  placedAt: Date | null;
  status: string | null;
  ringingAt: Date | null;
  answeredAt: Date | null;
  errorCode: number | null;
  /** Twilio's AnsweredBy, when answering-machine detection ran. */
  answeredBy?: string | null;
};

/** AnsweredBy values that mean nobody answered: voicemail or a fax. */
export const isMachine = (answeredBy: string | null | undefined): boolean => !!answeredBy && (answeredBy.startsWith("machine") || answeredBy === "fax");

export type DialFacts = {
  dial: number;
  targetName: string;
  dialCallStatus: string | null;
  answeredAt: Date | null;
  duration: number | null;
  errorCode: number | null;
  /** The target's place in the call's sequence (from 1); which try at it (busy redial n, the member's "try again"). Absent: 1, 0, 0. */
  position?: number;
  redial?: number;
  again?: number;
};

/** Everything the machines say about one call, as loaded by `loadCallFacts`. */
export type CallFacts = {
  status: string;
  endedAt: Date | null;
  failureCode: number | null;
  failureMessage: string | null;
  menuRounds: number;
  /** The latest attempt. */
  attempt: AttemptFacts | null;
  /** Calls in all the call may make (1 without recalls). */
  maxAttempts?: number;
  dials: DialFacts[];
  /** How many targets the call dials in turn, and how many times a busy one is redialled. Absent: one, none. */
  sequence?: { total: number; redials: number };
};

export function memberLegStatus(attempt: AttemptFacts | null, now = new Date()): MemberLegStatus {
  if (!attempt || attempt.placement === "waiting") return "waiting";
  if (attempt.placement === "refused" || attempt.placement === "not-placed") return "not-placed";
  if (attempt.status) return attempt.status as TwilioCallStatus;
  if (attempt.placement === "unknown") return "placing";
  const since = attempt.placedAt ?? attempt.scheduledAt;
  return now.getTime() - since.getTime() > MEMBER_UNKNOWN_AFTER_MS ? "unknown" : "queued";
}

export const latestDial = (dials: DialFacts[]): DialFacts | null => dials.reduce<DialFacts | null>((latest, dial) => (!latest || dial.dial > latest.dial ? dial : latest), null);

export function targetLegStatus(dial: DialFacts | null): TargetLegStatus {
  if (!dial) return "none";
  if (dial.dialCallStatus) return dial.dialCallStatus as DialCallStatus;
  return dial.answeredAt ? "in-progress" : "ringing";
}

/** A dial the target picked up: Twilio's "completed" (or "answered") DialCallStatus, or <Number url> told us. */
export const targetAnswered = (dial: DialFacts) => dial.answeredAt !== null || dial.dialCallStatus === "completed" || dial.dialCallStatus === "answered";

export const MAX_MENU_ROUNDS = 3;

export type OutcomeCode =
  // still going
  | "waiting"
  | "recall-waiting"
  | "placing"
  | "calling"
  | "listening"
  | "connecting"
  | "retry-offered"
  | "busy-waiting"
  | "talking"
  // over
  | "connected"
  | "member-no-answer"
  | "member-busy"
  | "target-busy"
  | "target-no-answer"
  | "target-failed"
  | "hung-up-before-connected"
  | "no-valid-choice"
  | "failed"
  | "unknown";

export type CallOutcome = {
  code: OutcomeCode;
  done: boolean;
  /** For connected: the talk time; for waiting: seconds until the phone rings. */
  seconds?: number;
  /** For failed: Twilio's code, when there is one. */
  failureCode?: number | null;
  failureMessage?: string | null;
  /** The dial the outcome is about (connecting, retry-offered, talking, target-…). */
  dial?: number;
  /** The attempt it is about, and how many the call may make: "attempt 2 of 3". */
  attempt?: number;
  of?: number;
  /** The target's place in the sequence the outcome is about (from 1). */
  position?: number;
  /** For busy-waiting: the redial under way or next. */
  redial?: number;
  /** For connected: how many targets the member talked to. */
  targets?: number;
};

/**
 * One outcome from the three machines, for the member's page, the call log
 * and the statistics. "Over" means the member's phone is down or will be in
 * a moment: the outcome no longer changes.
 */
export function callOutcome(facts: CallFacts, now = new Date()): CallOutcome {
  const attempt = facts.attempt?.attempt ?? 1;
  const of = facts.maxAttempts ?? 1;
  const outcome = legOutcome(facts, now);
  return attempt > 1 || of > 1 ? { ...outcome, attempt, of } : outcome;
}

function legOutcome(facts: CallFacts, now: Date): CallOutcome {
  const member = memberLegStatus(facts.attempt, now);
  const memberOver = isMemberTerminal(member) || facts.endedAt !== null;
  const over = (code: OutcomeCode, extra: Partial<CallOutcome> = {}): CallOutcome => ({ code, done: true, ...extra });
  const going = (code: OutcomeCode, extra: Partial<CallOutcome> = {}): CallOutcome => ({ code, done: false, ...extra });

  if (facts.status === "failed" || member === "not-placed") {
    return over("failed", { failureCode: facts.failureCode ?? facts.attempt?.errorCode ?? null, failureMessage: facts.failureMessage });
  }
  if (facts.status === "connected" || facts.dials.some(targetAnswered)) return targetLegOutcome(facts, memberOver, over, going);
  // A machine answered (detection): nobody did. The message wasn't played.
  // A missed attempt with calls left is not the end until the call is settled (a recall, or its end): the page must not stop following it.
  const settling = facts.endedAt === null && (facts.maxAttempts ?? 1) > (facts.attempt?.attempt ?? 1);
  const missed = (code: OutcomeCode, extra: Partial<CallOutcome> = {}) => (settling ? going("calling") : over(code, extra));
  if (isMachine(facts.attempt?.answeredBy) && facts.status === "unstarted") return memberOver ? missed("member-no-answer") : going("calling");
  if (facts.status === "started" || facts.attempt?.answeredAt) {
    if (!memberOver) return going("listening");
    return over(facts.menuRounds >= MAX_MENU_ROUNDS ? "no-valid-choice" : "hung-up-before-connected");
  }
  // Never answered.
  if (member === "busy") return missed("member-busy");
  if (member === "no-answer") return missed("member-no-answer");
  if (member === "failed" || member === "canceled") {
    // Twilio gave up before the phone rang: the call was never placed, it was not missed.
    if (!facts.attempt?.ringingAt) return missed("failed", { failureCode: facts.attempt?.errorCode ?? null, failureMessage: facts.failureMessage });
    return missed("member-no-answer");
  }
  // Completed means it was answered, even if the in-progress callback never came.
  if (member === "completed") return over("hung-up-before-connected");
  if (facts.endedAt) return over("unknown");
  if (member === "waiting" && (facts.attempt?.attempt ?? 1) > 1) {
    return going("recall-waiting", { seconds: Math.max(0, Math.ceil((facts.attempt!.scheduledAt.getTime() - now.getTime()) / 1000)) });
  }
  if (member === "waiting") return going("waiting", { seconds: Math.max(0, Math.ceil(((facts.attempt?.scheduledAt.getTime() ?? now.getTime()) - now.getTime()) / 1000)) });
  if (member === "placing" || member === "queued" || member === "unknown") return going("placing");
  return going("calling");
}

type Make = (code: OutcomeCode, extra?: Partial<CallOutcome>) => CallOutcome;

/**
 * The outcome once the member asked to be put through: from the latest dial,
 * and whether any target talked with the member in this call (that, once
 * over, is the outcome, whatever came after). A call with several targets
 * goes on to the next one after a talk or a target not reached.
 */
function targetLegOutcome(facts: CallFacts, memberOver: boolean, over: Make, going: Make): CallOutcome {
  const total = facts.sequence?.total ?? 1;
  const redials = facts.sequence?.redials ?? 0;
  const talked = facts.dials.filter(targetAnswered);
  const connected = (): CallOutcome => {
    const last = [...talked].sort((a, b) => b.dial - a.dial)[0]!;
    const seconds = talked.reduce((sum, dial) => sum + (dial.dialCallStatus ? (dial.duration ?? 0) : 0), 0);
    return over("connected", { seconds, dial: last.dial, position: last.position ?? 1, targets: new Set(talked.map((dial) => dial.position ?? 1)).size });
  };
  const dial = latestDial(facts.dials);
  if (!dial) return memberOver ? over("hung-up-before-connected") : going("connecting", { dial: 1, position: 1 });
  const position = dial.position ?? 1;
  const at = { dial: dial.dial, position };
  const next = { dial: dial.dial + 1, position: position + 1 };
  const more = position < total;
  const status = targetLegStatus(dial);

  if (status === "in-progress") return memberOver ? connected() : going("talking", at);
  if (memberOver) {
    if (talked.length) return connected();
    if (status === "busy") return over("target-busy", at);
    if (status === "no-answer") return over("target-no-answer", at);
    if (status === "failed") return over("target-failed", at);
    return over("hung-up-before-connected");
  }
  if (status === "ringing") return (dial.redial ?? 0) > 0 ? going("busy-waiting", { ...at, redial: dial.redial }) : going("connecting", at);
  if (targetAnswered(dial)) return more ? going("connecting", next) : connected();
  if (status === "busy" || status === "no-answer") {
    if (status === "busy" && !dial.again && (dial.redial ?? 0) < redials) return going("busy-waiting", { ...at, redial: (dial.redial ?? 0) + 1 });
    if (!dial.again) return going("retry-offered", at);
  }
  if (more) return going("connecting", next);
  if (talked.length) return connected();
  if (status === "busy") return over("target-busy", at);
  if (status === "no-answer") return over("target-no-answer", at);
  if (status === "failed") return over("target-failed", at);
  return over("hung-up-before-connected");
}

/**
 * Where an outcome sits on the way from placing to the end, so a page can
 * refuse to show an earlier state after a later one. Each dial has its own band.
 */
export function outcomeRank(outcome: CallOutcome): number {
  if (outcome.done) return 100_000;
  const dial = outcome.dial ?? 1;
  const steps: Record<string, number> = {
    waiting: 0,
    "recall-waiting": 0,
    placing: 1,
    calling: 2,
    listening: 3,
    connecting: 10 * dial + 4,
    "retry-offered": 10 * dial + 5,
    "busy-waiting": 10 * dial + 5,
    talking: 10 * dial + 6,
  };
  // Each attempt (a recall) its own band, above the one before.
  return ((outcome.attempt ?? 1) - 1) * 1000 + (steps[outcome.code] ?? 0);
}

const minutes = (seconds: number) => (seconds < 60 ? `${seconds} s` : `${Math.round(seconds / 60)} min`);

/** Twilio's Dial errors, on the target leg: they never come back from the REST API. */
export const DIAL_ERRORS: Record<number, string> = {
  13223: "the target's number isn't in a format Twilio can dial",
  13224: "the target's number isn't valid",
  13225: "calls to the target's number are forbidden (geo permissions or a blocked prefix)",
  13226: "the target's number isn't valid",
  13227: "calls to the target's country aren't enabled",
};

/** The outcome in the campaigners' words ("connected 3 min", "target busy"), with the call it came on when there were recalls ("member didn't answer (call 3 of 3)"). */
export function describeOutcome(outcome: CallOutcome): string {
  const words = describeCode(outcome);
  return outcome.done && outcome.attempt && outcome.of && outcome.of > 1 ? `${words} (call ${outcome.attempt} of ${outcome.of})` : words;
}

function describeCode(outcome: CallOutcome): string {
  switch (outcome.code) {
    case "failed":
      return `not placed: ${outcome.failureMessage ?? (outcome.failureCode ? `Twilio error ${outcome.failureCode}` : "the call could not be placed")}`;
    case "connected":
      return `connected ${minutes(outcome.seconds ?? 0)}${(outcome.targets ?? 1) > 1 ? ` in all, to ${outcome.targets} targets` : ""}`;
    case "waiting":
      return "waiting for its turn to be placed";
    case "recall-waiting":
      return `calling the member again${outcome.attempt ? ` (call ${outcome.attempt} of ${outcome.of})` : ""}`;
    default:
      return {
        placing: "placing the call",
        calling: "calling the member",
        listening: "member listening to the message",
        connecting: "connecting to the target",
        "retry-offered": "target not reached; member offered another try",
        "busy-waiting": "target busy; member waiting while it is redialled",
        talking: "member talking to the target",
        "member-no-answer": "member didn't answer",
        "member-busy": "member's line was busy",
        "target-busy": "target busy",
        "target-no-answer": "target didn't answer",
        "target-failed": "target's line failed",
        "hung-up-before-connected": "member hung up before being put through",
        "no-valid-choice": "no valid choice",
        unknown: "unknown: Twilio sent no status",
      }[outcome.code];
  }
}
