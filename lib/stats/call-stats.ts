import "server-only";
import { and, eq, gte, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { calls } from "../calltool/call-schema";
import { medianTalk } from "./median-query";
import { loadStatsRecords } from "./rollup";
import { StatsTally, zeroTarget, type TargetTally } from "./record";
import { callStatsCounts, callStatsDaily, callStatsTargets } from "./schema";
import { feedbackByTarget } from "./feedback-counts";
import { FUNNEL_STEPS, flagTarget, lastDays, lastWeeks, type CallStats, type FeedbackCounts, type FunnelKey, type TargetRow } from "./shape";

/** Whose calls: one call tool, one page, or every call (neither). */
export type StatsScope = { pageId?: string; pluginId?: string };

/** The rollup tables' filter for a scope (they share the page_id and plugin_id column names). */
const rollupWhere = (scope: StatsScope, table: { pageId: typeof callStatsDaily.pageId | typeof callStatsTargets.pageId | typeof callStatsCounts.pageId; pluginId: typeof callStatsDaily.pluginId | typeof callStatsTargets.pluginId | typeof callStatsCounts.pluginId }) =>
  scope.pluginId ? eq(table.pluginId, scope.pluginId) : scope.pageId ? eq(table.pageId, scope.pageId) : undefined;

const callsWhere = (scope: StatsScope) => (scope.pluginId ? eq(calls.pluginId, scope.pluginId) : scope.pageId ? eq(calls.pageId, scope.pageId) : undefined);

const scopeSql = (scope: StatsScope, alias: string) =>
  scope.pluginId ? sql`${sql.raw(alias)}.plugin_id = ${scope.pluginId}` : scope.pageId ? sql`${sql.raw(alias)}.page_id = ${scope.pageId}` : sql`true`;

/**
 * Every figure of the statistics page for a scope, exact: the rollups plus
 * the calls not yet rolled up, read in one snapshot so that a call being
 * rolled up meanwhile is counted once.
 */
export async function callStats(db: Db, scope: StatsScope, now = new Date()): Promise<CallStats> {
  const days = lastDays(now, 30);
  const weeks = lastWeeks(now, 12);
  const read = await db.transaction(
    async (tx) => {
      const live = await loadStatsRecords(tx, and(isNull(calls.rolledUpAt), callsWhere(scope))!, now);
      const tally = new StatsTally();
      for (const record of live.records) tally.add(record);
      const liveTalk = [...tally.talk.values()];
      const [counts, targets, daily, medians] = await Promise.all([
        tx
          .select({ dimension: callStatsCounts.dimension, value: callStatsCounts.value, count: sql<number>`sum(${callStatsCounts.count})::int` })
          .from(callStatsCounts)
          .where(rollupWhere(scope, callStatsCounts))
          .groupBy(callStatsCounts.dimension, callStatsCounts.value),
        tx
          .select({
            targetId: callStatsTargets.targetId,
            targetName: sql<string>`max(${callStatsTargets.targetName})`,
            calls: sql<number>`sum(${callStatsTargets.calls})::int`,
            memberAnswered: sql<number>`sum(${callStatsTargets.memberAnswered})::int`,
            heardMessage: sql<number>`sum(${callStatsTargets.heardMessage})::int`,
            pressedOne: sql<number>`sum(${callStatsTargets.pressedOne})::int`,
            targetAnswered: sql<number>`sum(${callStatsTargets.targetAnswered})::int`,
            talkedOver30: sql<number>`sum(${callStatsTargets.talkedOver30})::int`,
            connected: sql<number>`sum(${callStatsTargets.connected})::int`,
            busy: sql<number>`sum(${callStatsTargets.busy})::int`,
            noAnswer: sql<number>`sum(${callStatsTargets.noAnswer})::int`,
            failed: sql<number>`sum(${callStatsTargets.failed})::int`,
            talkSeconds: sql<number>`sum(${callStatsTargets.talkSeconds})::float8`,
          })
          .from(callStatsTargets)
          .where(rollupWhere(scope, callStatsTargets))
          .groupBy(callStatsTargets.targetId),
        tx
          .select({ day: callStatsDaily.day, calls: sql<number>`sum(${callStatsDaily.calls})::int`, reached: sql<number>`sum(${callStatsDaily.reached})::int` })
          .from(callStatsDaily)
          .where(and(rollupWhere(scope, callStatsDaily), gte(callStatsDaily.day, weeks[0]!)))
          .groupBy(callStatsDaily.day),
        medianTalk(tx as unknown as Db, (alias) => scopeSql(scope, alias), liveTalk),
      ]);
      return { tally, counts, targets, daily, medians };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  const feedback = await feedbackByTarget(db, scope);
  return assemble(read, feedback, days, weeks);
}

type Read = {
  tally: StatsTally;
  counts: { dimension: string; value: string; count: number }[];
  targets: (Omit<TargetTally, "pageId" | "pluginId">)[];
  daily: { day: string; calls: number; reached: number }[];
  medians: Map<string, number>;
};

function assemble(read: Read, feedback: Map<string, FeedbackCounts>, days: string[], weeks: string[]): CallStats {
  const counts = new Map<string, number>();
  const bump = (key: string, by: number) => counts.set(key, (counts.get(key) ?? 0) + by);
  for (const row of read.counts) bump(`${row.dimension}/${row.value}`, row.count);
  for (const row of read.tally.counts.values()) bump(`${row.dimension}/${row.value}`, row.count);
  const dimension = (name: string) =>
    [...counts.entries()]
      .filter(([key]) => key.startsWith(`${name}/`))
      .map(([key, count]) => ({ value: key.slice(name.length + 1), count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

  const targets = new Map<string, Omit<TargetTally, "pageId" | "pluginId">>();
  for (const row of [...read.targets, ...read.tally.targets.values()]) {
    const found = targets.get(row.targetId) ?? { ...zeroTarget(), targetId: row.targetId, targetName: row.targetName };
    for (const key of Object.keys(zeroTarget()) as (keyof ReturnType<typeof zeroTarget>)[]) found[key] += Number(row[key]);
    found.targetName = row.targetName || found.targetName;
    targets.set(row.targetId, found);
  }
  const perDay = new Map<string, { calls: number; reached: number }>();
  for (const row of [...read.daily, ...read.tally.daily.values()]) {
    const found = perDay.get(row.day) ?? { calls: 0, reached: 0 };
    found.calls += row.calls;
    found.reached += row.reached;
    perDay.set(row.day, found);
  }
  const targetRows: TargetRow[] = [...targets.values()].map((t) => {
    const row = {
      targetId: t.targetId,
      targetName: t.targetName,
      calls: t.calls,
      connected: t.connected,
      busy: t.busy,
      noAnswer: t.noAnswer,
      failed: t.failed,
      pressedOne: t.pressedOne,
      targetAnswered: t.targetAnswered,
      averageTalk: t.connected ? t.talkSeconds / t.connected : null,
      medianTalk: read.medians.get(t.targetId) ?? null,
      feedback: feedback.get(t.targetId) ?? { spoke: 0, voicemail: 0, "no-answer": 0, notes: [] },
    };
    return { ...row, flag: flagTarget(row) };
  });
  // Per call, not per target: a call that dialled three targets is one request.
  const funnelCount = (key: FunnelKey) => counts.get(`funnel/${key}`) ?? 0;
  const weekOf = (day: string) => weeks.filter((week) => week <= day).at(-1);
  return {
    total: funnelCount("requested"),
    outcomes: dimension("outcome"),
    memberStatuses: dimension("member"),
    targetStatuses: dimension("target"),
    funnel: FUNNEL_STEPS.map((step) => ({ ...step, count: funnelCount(step.key) })),
    perDay: days.map((day) => ({ period: day, calls: perDay.get(day)?.calls ?? 0, reached: perDay.get(day)?.reached ?? 0 })),
    perWeek: weeks.map((week) => {
      const inWeek = [...perDay.entries()].filter(([day]) => weekOf(day) === week);
      return { period: week, calls: inWeek.reduce((n, [, v]) => n + v.calls, 0), reached: inWeek.reduce((n, [, v]) => n + v.reached, 0) };
    }),
    targets: targetRows.sort((a, b) => b.calls - a.calls || a.targetName.localeCompare(b.targetName)),
  };
}
