import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../db/client";

export type PageCount = { total: number; last24h: number; goal: number | null };

/** A call counts once the target picked up (as targetAnswered in call-state.ts): "calls made" means someone was reached. */
const reached = sql.raw(`exists (select 1 from target_dials d where d.call_id = c.id and (d.answered_at is not null or d.dial_call_status in ('completed', 'answered')))`);

/**
 * A published page's public counter, exact: finished calls from the daily
 * rollup, the rest from the calls themselves, and the last 24 hours from the
 * page's recent calls (an index range). One query; null for no such page.
 */
export async function pageCount(db: Db, slug: string, now = new Date()): Promise<PageCount | null> {
  const since = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
  const [row] = await selectRows<{ goal: number | null; rolled: number; live: number; last24h: number }>(
    db,
    sql`with page as (select id, call_goal from pages where slug = ${slug} and status = 'published')
        select (select call_goal from page) as goal,
          (select coalesce(sum(reached), 0)::int from call_stats_daily where page_id = (select id from page)) as rolled,
          (select count(*)::int from calls c where c.page_id = (select id from page) and c.rolled_up_at is null and ${reached}) as live,
          (select count(*)::int from calls c where c.page_id = (select id from page) and c.created_at >= ${since}::timestamptz and ${reached}) as last24h
        where exists (select 1 from page)`,
  );
  return row ? { total: row.rolled + row.live, last24h: row.last24h, goal: row.goal } : null;
}

/** How long a count may be served again without asking the database: the counter may be this stale. */
export const COUNT_FRESH_MS = 5000;
const MEMO_LIMIT = 500;
const memo = new Map<string, { at: number; value: Promise<PageCount | null> }>();

/**
 * The count, asked of the database at most once per page every few seconds
 * per instance, however many visitors ask (concurrent askers share one
 * query). Staleness of a few seconds is the counter's stated contract, so
 * this memo is the one thing kept in process memory; every instance keeps its
 * own, and the answer also carries Cache-Control for a shared cache.
 */
export function cachedPageCount(db: Db, slug: string, now = Date.now()): Promise<PageCount | null> {
  const hit = memo.get(slug);
  if (hit && now - hit.at < COUNT_FRESH_MS) return hit.value;
  if (memo.size >= MEMO_LIMIT) {
    for (const [key, entry] of memo) if (now - entry.at >= COUNT_FRESH_MS) memo.delete(key);
    while (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  }
  const value = pageCount(db, slug);
  memo.set(slug, { at: now, value });
  value.catch(() => memo.delete(slug));
  return value;
}
