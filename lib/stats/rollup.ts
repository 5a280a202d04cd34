import "server-only";
import { and, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { callAttempts, calls, targetDials } from "../calltool/call-schema";
import { callStatsCounts, callStatsDaily, callStatsTalk, callStatsTalkBuckets, callStatsTargets } from "./schema";
import { statsRecord, StatsTally, type CallStatsRecord } from "./record";

/**
 * Folds finished calls into the rollup tables (lib/stats/schema.ts), once
 * each: the calls are locked (SKIP LOCKED, so two workers take different
 * ones), their figures added to the rollups, and they are marked rolled up,
 * all in one transaction. A call is taken a while after it ended, when no
 * late callback can change its outcome any more; one that never ended is
 * taken after a day, as reconciliation closes calls long before.
 */
export const SETTLE_MS = 5 * 60 * 1000;
export const ABANDON_MS = 24 * 3600 * 1000;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Calls matching `where`, with their attempts and dials, as the statistics count them. Three queries. */
export async function loadStatsRecords(db: Db | Tx, where: SQL, now = new Date(), lock?: { batchSize: number }): Promise<{ ids: string[]; records: CallStatsRecord[] }> {
  const select = db
    .select({
      id: calls.id,
      pageId: calls.pageId,
      pluginId: calls.pluginId,
      targetId: calls.targetId,
      targetName: sql<string>`coalesce(${calls.script}->'target'->>'name', '')`,
      status: calls.status,
      endedAt: calls.endedAt,
      failureCode: calls.failureCode,
      failureMessage: calls.failureMessage,
      menuRounds: calls.menuRounds,
      messageHeardAt: calls.messageHeardAt,
      createdAt: calls.createdAt,
    })
    .from(calls)
    .where(where);
  const rows = lock ? await select.orderBy(calls.createdAt).limit(lock.batchSize).for("update", { skipLocked: true }) : await select;
  const ids = rows.map((row) => row.id);
  if (!ids.length) return { ids, records: [] };
  const [attempts, dials] = await Promise.all([
    db
      .select({
        callId: callAttempts.callId,
        attempt: callAttempts.attempt,
        placement: callAttempts.placement,
        scheduledAt: callAttempts.scheduledAt,
        placedAt: callAttempts.placedAt,
        status: callAttempts.status,
        ringingAt: callAttempts.ringingAt,
        answeredAt: callAttempts.answeredAt,
        errorCode: callAttempts.errorCode,
      })
      .from(callAttempts)
      .where(inArray(callAttempts.callId, ids)),
    db
      .select({
        callId: targetDials.callId,
        dial: targetDials.dial,
        targetId: targetDials.targetId,
        targetName: targetDials.targetName,
        dialCallStatus: targetDials.dialCallStatus,
        answeredAt: targetDials.answeredAt,
        duration: targetDials.duration,
        errorCode: targetDials.errorCode,
      })
      .from(targetDials)
      .where(inArray(targetDials.callId, ids)),
  ]);
  const byCall = <T extends { callId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) map.set(item.callId, [...(map.get(item.callId) ?? []), item]);
    return map;
  };
  const attemptsOf = byCall(attempts);
  const dialsOf = byCall(dials);
  return { ids, records: rows.map((row) => statsRecord(row, attemptsOf.get(row.id) ?? [], dialsOf.get(row.id) ?? [], now)) };
}

export const ROLLUP_BATCH = 2000;

/** Calls the rollup may take now. */
export const rollableCalls = (now: Date) =>
  and(
    isNull(calls.rolledUpAt),
    or(lt(calls.endedAt, new Date(now.getTime() - SETTLE_MS)), lt(calls.createdAt, new Date(now.getTime() - ABANDON_MS))),
  )!;

/** One batch; answers how many calls it rolled up. */
export async function rollUpBatch(db: Db, now = new Date(), batchSize = ROLLUP_BATCH): Promise<number> {
  return db.transaction(async (tx) => {
    const { ids, records } = await loadStatsRecords(tx, rollableCalls(now), now, { batchSize });
    if (!ids.length) return 0;
    const tally = new StatsTally();
    for (const record of records) tally.add(record);
    const add = (column: string) => sql.raw(`${column} = excluded.${column} + `);
    await tx
      .insert(callStatsDaily)
      .values([...tally.daily.values()])
      .onConflictDoUpdate({
        target: [callStatsDaily.pageId, callStatsDaily.pluginId, callStatsDaily.day],
        set: { calls: sql`excluded.calls + ${callStatsDaily.calls}`, reached: sql`excluded.reached + ${callStatsDaily.reached}` },
      });
    const targetColumns = ["calls", "member_answered", "heard_message", "pressed_one", "target_answered", "talked_over_30", "connected", "busy", "no_answer", "failed", "talk_seconds"];
    await tx.execute(sql`insert into ${callStatsTargets} ${sql.raw(`(page_id, plugin_id, target_id, target_name, ${targetColumns.join(", ")})`)}
      values ${sql.join(
        [...tally.targets.values()].map(
          (t) =>
            sql`(${t.pageId}, ${t.pluginId}, ${t.targetId}, ${t.targetName}, ${t.calls}, ${t.memberAnswered}, ${t.heardMessage}, ${t.pressedOne}, ${t.targetAnswered}, ${t.talkedOver30}, ${t.connected}, ${t.busy}, ${t.noAnswer}, ${t.failed}, ${t.talkSeconds})`,
        ),
        sql`, `,
      )}
      on conflict (page_id, plugin_id, target_id) do update set target_name = excluded.target_name,
      ${sql.join(
        targetColumns.map((column) => sql`${add(column)}${sql.raw(`call_stats_targets.${column}`)}`),
        sql`, `,
      )}`);
    await tx
      .insert(callStatsCounts)
      .values([...tally.counts.values()])
      .onConflictDoUpdate({
        target: [callStatsCounts.pageId, callStatsCounts.pluginId, callStatsCounts.dimension, callStatsCounts.value],
        set: { count: sql`excluded.count + ${callStatsCounts.count}` },
      });
    if (tally.talk.size)
      await tx
        .insert(callStatsTalk)
        .values([...tally.talk.values()])
        .onConflictDoUpdate({
          target: [callStatsTalk.pageId, callStatsTalk.pluginId, callStatsTalk.targetId, callStatsTalk.seconds],
          set: { count: sql`excluded.count + ${callStatsTalk.count}` },
        });
    if (tally.talkBuckets.size)
      await tx
        .insert(callStatsTalkBuckets)
        .values([...tally.talkBuckets.values()])
        .onConflictDoUpdate({
          target: [callStatsTalkBuckets.pageId, callStatsTalkBuckets.pluginId, callStatsTalkBuckets.targetId, callStatsTalkBuckets.bucket],
          set: { count: sql`excluded.count + ${callStatsTalkBuckets.count}` },
        });
    await tx.update(calls).set({ rolledUpAt: now }).where(inArray(calls.id, ids));
    return ids.length;
  });
}

/** Batches until none is left or `maxBatches` ran (the job comes back a minute later). */
export async function rollUpCalls(db: Db, options: { now?: Date; maxBatches?: number; batchSize?: number } = {}): Promise<number> {
  let total = 0;
  const batchSize = options.batchSize ?? ROLLUP_BATCH;
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const rolled = await rollUpBatch(db, options.now ?? new Date(), batchSize);
    total += rolled;
    if (rolled < batchSize) break;
  }
  return total;
}
