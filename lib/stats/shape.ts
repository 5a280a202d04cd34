import type { FeedbackAnswer } from "../feedback/answers";

/** What the statistics page shows for a scope; built by call-stats.ts, drawn by components/stats. */
export type CallStats = {
  total: number;
  outcomes: { value: string; count: number }[];
  memberStatuses: { value: string; count: number }[];
  targetStatuses: { value: string; count: number }[];
  funnel: { key: FunnelKey; label: string; count: number }[];
  /** Oldest first; `period` is the UTC day, or the Monday starting the week. */
  perDay: PeriodRow[];
  perWeek: PeriodRow[];
  targets: TargetRow[];
};

export type PeriodRow = { period: string; calls: number; reached: number };

export type FeedbackCounts = Record<FeedbackAnswer, number> & { notes: string[] };

export type TargetRow = {
  targetId: string;
  targetName: string;
  calls: number;
  connected: number;
  busy: number;
  noAnswer: number;
  failed: number;
  pressedOne: number;
  targetAnswered: number;
  /** Seconds, over connected calls; null without any. */
  averageTalk: number | null;
  medianTalk: number | null;
  feedback: FeedbackCounts;
  /** Why the target's calls look wrong (a wrong number shows up this way), or null. */
  flag?: string | null;
};

export type FunnelKey = "requested" | "memberAnswered" | "heardMessage" | "pressedOne" | "targetAnswered" | "talkedOver30";

export const FUNNEL_STEPS: { key: FunnelKey; label: string }[] = [
  { key: "requested", label: "Requested" },
  { key: "memberAnswered", label: "Member answered" },
  { key: "heardMessage", label: "Heard the message" },
  { key: "pressedOne", label: "Pressed 1" },
  { key: "targetAnswered", label: "Target answered" },
  { key: "talkedOver30", label: "Talked over 30 s" },
];

/** Dials before a target can be flagged: one or two failures are bad luck. */
export const FLAG_AFTER_DIALS = 3;

/**
 * A target whose calls keep failing: most dials to it fail outright (a wrong
 * or unreachable number), or none of several was ever answered.
 */
export function flagTarget(row: Omit<TargetRow, "flag">): string | null {
  if (row.pressedOne < FLAG_AFTER_DIALS) return null;
  if (row.failed * 2 >= row.pressedOne) return `${row.failed} of ${row.pressedOne} dials failed: check the number`;
  if (row.targetAnswered === 0) return `none of ${row.pressedOne} dials was answered`;
  return null;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The last `count` UTC days, oldest first, today included. */
export function lastDays(now: Date, count: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: count }, (_, index) => isoDay(new Date(today - (count - 1 - index) * 86_400_000)));
}

/** The Mondays starting the last `count` weeks (UTC), oldest first, this week included. */
export function lastWeeks(now: Date, count: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((now.getUTCDay() + 6) % 7) * 86_400_000;
  return Array.from({ length: count }, (_, index) => isoDay(new Date(monday - (count - 1 - index) * 7 * 86_400_000)));
}
