import { callOutcome, latestDial, memberLegStatus, targetAnswered, targetLegStatus, type AttemptFacts, type DialFacts, type OutcomeCode } from "../calltool/call-state";
import { NO_ID, TALK_BUCKET_SECONDS } from "./schema";

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
};

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

export function statsRecord(call: StatsCallRow, attempts: AttemptFacts[], dials: DialFacts[], now = new Date()): CallStatsRecord {
  // A call back the member canceled was never placed: the outcome is the attempt before it's (as in lib/calltool/calls.ts latestAttempt).
  const latest = attempts
    .filter((attempt) => attempt.placement !== "canceled")
    .reduce<AttemptFacts | null>((found, attempt) => (!found || attempt.attempt > found.attempt ? attempt : found), null);
  const outcome = callOutcome({ status: call.status, endedAt: call.endedAt, failureCode: call.failureCode, failureMessage: call.failureMessage, menuRounds: call.menuRounds, attempt: latest, dials }, now);
  const pressedOne = dials.length > 0 || call.status === "connected";
  const memberAnswered = pressedOne || call.status === "started" || attempts.some((attempt) => attempt.answeredAt !== null);
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
    talkSeconds: outcome.code === "connected" ? (outcome.seconds ?? 0) : null,
  };
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

    const key = `${scope}/${record.targetId}`;
    const target = this.targets.get(key) ?? { ...zeroTarget(), pageId: record.pageId, pluginId: record.pluginId, targetId: record.targetId, targetName: record.targetName };
    target.calls += 1;
    target.memberAnswered += Number(record.memberAnswered);
    target.heardMessage += Number(record.heardMessage);
    target.pressedOne += Number(record.pressedOne);
    target.targetAnswered += Number(record.targetAnswered);
    target.talkedOver30 += Number((record.talkSeconds ?? 0) > TALKED_SECONDS);
    target.connected += Number(record.outcome === "connected");
    target.busy += Number(record.outcome === "target-busy");
    target.noAnswer += Number(record.outcome === "target-no-answer");
    target.failed += Number(record.outcome === "target-failed");
    target.talkSeconds += record.talkSeconds ?? 0;
    this.targets.set(key, target);

    for (const [dimension, value] of [
      ["outcome", record.outcome],
      ["member", record.memberStatus],
      ["target", record.targetStatus],
    ] as const) {
      const countKey = `${scope}/${dimension}/${value}`;
      const count = this.counts.get(countKey) ?? { pageId: record.pageId, pluginId: record.pluginId, dimension, value, count: 0 };
      count.count += 1;
      this.counts.set(countKey, count);
    }

    if (record.talkSeconds !== null) {
      const talkKey = `${key}/${record.talkSeconds}`;
      const talk = this.talk.get(talkKey) ?? { pageId: record.pageId, pluginId: record.pluginId, targetId: record.targetId, seconds: record.talkSeconds, count: 0 };
      talk.count += 1;
      this.talk.set(talkKey, talk);
      const bucket = Math.floor(record.talkSeconds / TALK_BUCKET_SECONDS);
      const bucketKey = `${key}/${bucket}`;
      const inBucket = this.talkBuckets.get(bucketKey) ?? { pageId: record.pageId, pluginId: record.pluginId, targetId: record.targetId, bucket, count: 0 };
      inBucket.count += 1;
      this.talkBuckets.set(bucketKey, inBucket);
    }
  }
}

export const zeroTarget = () => ({ calls: 0, memberAnswered: 0, heardMessage: 0, pressedOne: 0, targetAnswered: 0, talkedOver30: 0, connected: 0, busy: 0, noAnswer: 0, failed: 0, talkSeconds: 0 });
