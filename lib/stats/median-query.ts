import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type Db } from "../db/client";
import { mergedMedian, type HistogramSlice } from "./median";
import { TALK_BUCKET_SECONDS } from "./schema";

/**
 * Exact median talk time per target, in one statement: the talk-time buckets
 * say, per target, which buckets hold the middle ranks (the live calls' count
 * per target widens the range), only those buckets' rows of call_stats_talk
 * are read, and only the few rows holding those ranks come back. The live
 * talk times are merged in by mergedMedian.
 */
export async function medianTalk(db: Db, where: (alias: string) => SQL, live: { targetId: string; seconds: number; count: number }[]): Promise<Map<string, number>> {
  const liveByTarget = new Map<string, number[]>();
  for (const row of live) liveByTarget.set(row.targetId, [...(liveByTarget.get(row.targetId) ?? []), ...Array<number>(row.count).fill(row.seconds)]);
  const liveCounts = liveByTarget.size
    ? sql`values ${sql.join([...liveByTarget.entries()].map(([target, values]) => sql`(${target}::uuid, ${values.length}::int)`), sql`, `)}`
    : sql`select null::uuid, 0 where false`;
  // Ranks [k1 - live, k2] of the rolled-up values, k1 and k2 the middle ranks of all of them, live included.
  const low = (n: string, live: string) => sql.raw(`(${n} + ${live} + 1) / 2 - ${live}`);
  const high = (n: string, live: string) => sql.raw(`(${n} + ${live}) / 2 + 1`);
  const rows = await selectRows<{ target_id: string; seconds: number; count: number; cum: number; total: number }>(
    db,
    sql`with b as (
          select target_id, bucket, sum(count)::int as c from call_stats_talk_buckets t where ${where("t")} group by target_id, bucket
        ), w as (
          select target_id, bucket, c, sum(c) over (partition by target_id order by bucket)::int as cum, sum(c) over (partition by target_id)::int as n from b
        ), m (target_id, live) as (${liveCounts}),
        mid as (
          select w.target_id, min(w.bucket) as first_bucket, max(w.bucket) as last_bucket, min(w.cum - w.c) as before, max(w.n) as n, coalesce(max(m.live), 0) as live
          from w left join m on m.target_id = w.target_id
          where w.cum >= ${low("w.n", "coalesce(m.live, 0)")} and w.cum - w.c < ${high("w.n", "coalesce(m.live, 0)")}
          group by w.target_id
        ), f as (
          select t.target_id, t.seconds, sum(t.count)::int as c
          from mid join call_stats_talk t on t.target_id = mid.target_id and t.seconds >= mid.first_bucket * ${TALK_BUCKET_SECONDS} and t.seconds < (mid.last_bucket + 1) * ${TALK_BUCKET_SECONDS}
          where ${where("t")}
          group by t.target_id, t.seconds
        ), fw as (
          select f.target_id, f.seconds, f.c, mid.before + sum(f.c) over (partition by f.target_id order by f.seconds) as cum, mid.n, mid.live
          from f join mid on mid.target_id = f.target_id
        )
        select target_id, seconds, c as count, cum::int as cum, n as total from fw
        where cum >= ${low("n", "live")} and cum - c < ${high("n", "live")}
        order by target_id, seconds`,
  );
  // Per target, the rows around the middle; the values below the first of them are its cumulative count less its own.
  const slices = new Map<string, HistogramSlice>();
  for (const row of rows) {
    const slice = slices.get(row.target_id) ?? { before: Number(row.cum) - Number(row.count), total: Number(row.total), rows: [] };
    slice.rows.push({ value: Number(row.seconds), count: Number(row.count) });
    slices.set(row.target_id, slice);
  }
  const medians = new Map<string, number>();
  for (const target of new Set([...slices.keys(), ...liveByTarget.keys()])) {
    const median = mergedMedian(slices.get(target) ?? null, liveByTarget.get(target) ?? []);
    if (median !== null) medians.set(target, median);
  }
  return medians;
}
