import { callOutcome, latestDial, memberLegStatus, targetAnswered, targetLegStatus, type AttemptFacts, type DialFacts, type OutcomeCode } from "../calltool/call-state";
import { NO_ID, TALK_BUCKET_SECONDS } from "./schema";
import type { FunnelKey } from "./shape";

/**
 * One call as the statistics count it, worked out with the call log's own
 * rules (callOutcome and the leg statuses), so the figures and the log never
 * disagree. Pure: the rollup and the live read share it.
 */
export type CallStatsRecord = {
  pageId: string;
  pluginId: string;
  targetId: string;
  targetName: string;
  /** UTC day the call was requested, YYYY-MM-DD. */
  day: string;
  outcome: OutcomeCode;
  memberStatus: string;
  targetStatus: string;
  memberAnswered: boolean;
  heardMessage: boolean;
  pressedOne: boolean;
  targetAnswered: boolean;
  /** Talk time of a connected call, in seconds; null otherwise. */
  talkSeconds: number | null;
  /** The targets this call counts for in the per-target table: its own target, or each target it dialled. */
  targets: TargetCredit[];
};

/** What one call did for one target, in the per-target table. */
export type TargetCredit = {
  targetId: string;
  targetName: string;
  targetAnswered: boolean;
  /** The target's part of the outcome; null when the call never got as far as this target's answer or refusal. */
  result: "connected" | "target-busy" | "target-no-answer" | "target-failed" | null;
  talkSeconds: number | null;
};

/** A dial as the statistics read it: the target it rang, besides the facts the outcome needs. */
export type StatsDial = DialFacts & { targetId: string | null };

/** The call's own columns the record needs (a narrow select: the script is large). */
export type StatsCallRow = {
  id: string;
  pageId: string | null;
  pluginId: string | null;
  targetId: string | null;
  targetName: string;
  status: string;
  endedAt: Date | null;
  failureCode: number | null;
  failureMessage: string | null;
  menuRounds: number;
  messageHeardAt: Date | null;
  createdAt: Date;
};

/** Talk longer than this is a conversation, in the funnel's last step. */
export const TALKED_SECONDS = 30;

export function statsRecord(call: StatsCallRow, attempts: AttemptFacts[], dials: StatsDial[], now = new Date()): CallStatsRecord {
  // A call back the member canceled was never placed: the outcome is the attempt before it's (as in lib/calltool/calls.ts latestAttempt).
  const latest = attempts
    .filter((attempt) => attempt.placement !== "canceled")
    .reduce<AttemptFacts | null>((found, attempt) => (!found || attempt.attempt > found.attempt ? attempt : found), null);
  const outcome = callOutcome({ status: call.status, endedAt: call.endedAt, failureCode: call.failureCode, failureMessage: call.failureMessage, menuRounds: call.menuRounds, attempt: latest, dials }, now);
  const pressedOne = dials.length > 0 || call.status === "connected";
  const memberAnswered = pressedOne || call.status === "started" || attempts.some((attempt) => attempt.answeredAt !== null);
  const talkSeconds = outcome.code === "connected" ? (outcome.seconds ?? 0) : null;
  return {
    pageId: call.pageId ?? NO_ID,
    pluginId: call.pluginId ?? NO_ID,
    targetId: call.targetId ?? NO_ID,
    targetName: call.targetName,
    day: call.createdAt.toISOString().slice(0, 10),
    outcome: outcome.code,
    memberStatus: memberLegStatus(latest, now),
    targetStatus: targetLegStatus(latestDial(dials)),
    memberAnswered,
    // Calls made before the menu step recorded it: pressing 1 proves the message was heard.
    heardMessage: call.messageHeardAt !== null || pressedOne,
    pressedOne,
    targetAnswered: dials.some(targetAnswered),
    talkSeconds,
    targets: targetCredits(call, outcome.code, talkSeconds, dials),
  };
}

const TARGET_RESULTS = new Set(["connected", "target-busy", "target-no-answer", "target-failed"]);
const DIAL_RESULTS: Record<string, TargetCredit["result"]> = { busy: "target-busy", "no-answer": "target-no-answer", failed: "target-failed" };

/**
 * A call with one target counts for it with the call's own outcome, as the
 * log says it. A call that went through several targets (a sequence, or a
 * busy line's next target) counts once for each target it dialled, with that
 * target's own answer and talk time: a wrong number in the middle of a
 * sequence still shows as failing.
 */
function targetCredits(call: StatsCallRow, outcome: OutcomeCode, talkSeconds: number | null, dials: StatsDial[]): TargetCredit[] {
  const byTarget = new Map<string, StatsDial[]>();
  for (const dial of dials) {
    const id = dial.targetId ?? call.targetId ?? NO_ID;
    byTarget.set(id, [...(byTarget.get(id) ?? []), dial]);
  }
  if (byTarget.size <= 1) {
    const result = TARGET_RESULTS.has(outcome) ? (outcome as TargetCredit["result"]) : null;
    return [{ targetId: call.targetId ?? [...byTarget.keys()][0] ?? NO_ID, targetName: call.targetName, targetAnswered: dials.some(targetAnswered), result, talkSeconds }];
  }
  return [...byTarget.entries()].map(([targetId, own]) => {
    const talked = own.filter(targetAnswered);
    const last = latestDial(own)!;
    const seconds = talked.reduce((sum, dial) => sum + (dial.dialCallStatus ? (dial.duration ?? 0) : 0), 0);
    return {
      targetId,
      targetName: last.targetName,
      targetAnswered: talked.length > 0,
      result: talked.length ? "connected" : (DIAL_RESULTS[last.dialCallStatus ?? ""] ?? null),
      talkSeconds: talked.length ? seconds : null,
    };
  });
}

export type TargetTally = {
  pageId: string;
  pluginId: string;
  targetId: string;
  targetName: string;
  calls: number;
  memberAnswered: number;
  heardMessage: number;
  pressedOne: number;
  targetAnswered: number;
  talkedOver30: number;
  connected: number;
  busy: number;
  noAnswer: number;
  failed: number;
  talkSeconds: number;
};

/** The funnel's steps as counted per call (dimension "funnel" of call_stats_counts). */
const FUNNEL: [FunnelKey, (record: CallStatsRecord) => boolean][] = [
  ["requested", () => true],
  ["memberAnswered", (r) => r.memberAnswered],
  ["heardMessage", (r) => r.heardMessage],
  ["pressedOne", (r) => r.pressedOne],
  ["targetAnswered", (r) => r.targetAnswered],
  ["talkedOver30", (r) => (r.talkSeconds ?? 0) > TALKED_SECONDS],
];

/** Records summed the way the rollup tables hold them: the rollup writes a tally, the live read merges one. */
export class StatsTally {
  readonly daily = new Map<string, { day: string; pageId: string; pluginId: string; calls: number; reached: number }>();
  readonly targets = new Map<string, TargetTally>();
  readonly counts = new Map<string, { pageId: string; pluginId: string; dimension: string; value: string; count: number }>();
  readonly talk = new Map<string, { pageId: string; pluginId: string; targetId: string; seconds: number; count: number }>();
  readonly talkBuckets = new Map<string, { pageId: string; pluginId: string; targetId: string; bucket: number; count: number }>();

  add(record: CallStatsRecord): void {
    const scope = `${record.pageId}/${record.pluginId}`;
    const day = this.daily.get(`${scope}/${record.day}`) ?? { day: record.day, pageId: record.pageId, pluginId: record.pluginId, calls: 0, reached: 0 };
    day.calls += 1;
    day.reached += Number(record.targetAnswered);
    this.daily.set(`${scope}/${record.day}`, day);

    for (const credit of record.targets) this.addTarget(record, credit);

    for (const [dimension, value] of [
      ["outcome", record.outcome],
      ["member", record.memberStatus],
      ["target", record.targetStatus],
      // The funnel counts calls, once each, however many targets a call dialled.
      ...FUNNEL.filter(([, reached]) => reached(record)).map(([step]) => ["funnel", step] as const),
    ] as const) {
      const countKey = `${scope}/${dimension}/${value}`;
      const count = this.counts.get(countKey) ?? { pageId: record.pageId, pluginId: record.pluginId, dimension, value, count: 0 };
      count.count += 1;
      this.counts.set(countKey, count);
    }
  }

  private addTarget(record: CallStatsRecord, credit: TargetCredit): void {
    const key = `${record.pageId}/${record.pluginId}/${credit.targetId}`;
    const target = this.targets.get(key) ?? { ...zeroTarget(), pageId: record.pageId, pluginId: record.pluginId, targetId: credit.targetId, targetName: credit.targetName };
    target.calls += 1;
    target.memberAnswered += Number(record.memberAnswered);
    target.heardMessage += Number(record.heardMessage);
    target.pressedOne += Number(record.pressedOne);
    target.targetAnswered += Number(credit.targetAnswered);
    target.talkedOver30 += Number((credit.talkSeconds ?? 0) > TALKED_SECONDS);
    target.connected += Number(credit.result === "connected");
    target.busy += Number(credit.result === "target-busy");
    target.noAnswer += Number(credit.result === "target-no-answer");
    target.failed += Number(credit.result === "target-failed");
    target.talkSeconds += credit.talkSeconds ?? 0;
    this.targets.set(key, target);

    if (credit.talkSeconds !== null) {
      const talkKey = `${key}/${credit.talkSeconds}`;
      const talk = this.talk.get(talkKey) ?? { pageId: record.pageId, pluginId: record.pluginId, targetId: credit.targetId, seconds: credit.talkSeconds, count: 0 };
      talk.count += 1;
      this.talk.set(talkKey, talk);
      const bucket = Math.floor(credit.talkSeconds / TALK_BUCKET_SECONDS);
      const bucketKey = `${key}/${bucket}`;
      const inBucket = this.talkBuckets.get(bucketKey) ?? { pageId: record.pageId, pluginId: record.pluginId, targetId: credit.targetId, bucket, count: 0 };
      inBucket.count += 1;
      this.talkBuckets.set(bucketKey, inBucket);
    }
  }
}

export const zeroTarget = () => ({ calls: 0, memberAnswered: 0, heardMessage: 0, pressedOne: 0, targetAnswered: 0, talkedOver30: 0, connected: 0, busy: 0, noAnswer: 0, failed: 0, talkSeconds: 0 });
