import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type Db } from "../db/client";
import { startOfDay } from "./format";
import { cursorOf, readCursor, type CallLogFilters } from "./filters";

/**
 * The call log's one query: calls newest first, filtered, a page at a time
 * by keyset ((created_at, id) below the last row shown), so page 500 reads
 * as few rows as page 1. Every filter is on `calls` itself (settled columns,
 * see settle.ts) and has an index led by it (calls_log_*_idx).
 */
export type CallLogRow = {
  id: string;
  micros: string;
  createdAt: Date;
  pageId: string | null;
  pageTitle: string | null;
  pluginId: string | null;
  targetName: string;
  memberPhone: string;
  outcome: string | null;
  memberStatus: string | null;
  targetStatus: string | null;
  talkSeconds: number | null;
  attemptCount: number | null;
  failureCode: number | null;
  failureMessage: string | null;
  status: string;
  endedAt: Date | null;
  menuRounds: number;
};

const dayStart = (date: string, timeZone: string) => sql`${startOfDay(date, timeZone).toISOString()}::timestamptz`;

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The filters as SQL conditions on `calls c`; days are the campaigner's. */
export function filterConditions(filters: CallLogFilters, timeZone: string): SQL[] {
  const where: SQL[] = [];
  if (filters.page) where.push(sql`c.page_id = ${filters.page}`);
  if (filters.tool) where.push(sql`c.plugin_id = ${filters.tool}`);
  if (filters.target) where.push(sql`c.target_id = ${filters.target}`);
  if (filters.outcome === "live") where.push(sql`c.outcome is null`);
  else if (filters.outcome) where.push(sql`c.outcome = ${filters.outcome}`);
  if (filters.member_leg) where.push(sql`c.member_status = ${filters.member_leg}`);
  if (filters.target_leg) where.push(sql`c.target_status = ${filters.target_leg}`);
  if (filters.from) where.push(sql`c.created_at >= ${dayStart(filters.from, timeZone)}`);
  if (filters.to) where.push(sql`c.created_at < ${dayStart(nextDay(filters.to), timeZone)}`);
  // Digits only (the filter's schema), so no LIKE wildcard can slip in; reversed, it is a prefix the index answers.
  if (filters.phone) where.push(sql`reverse(c.member_phone) like ${[...filters.phone].reverse().join("")} || '%'`);
  return where;
}

export const keysetBelow = (after: string) => {
  const cursor = readCursor(after);
  return sql`(c.created_at, c.id) < (timestamptz 'epoch' + ${cursor.micros}::bigint * interval '1 microsecond', ${cursor.id}::uuid)`;
};

/** The rows after `filters.after`, at most `limit`, with the call's settled figures. */
export function selectCallLog(filters: CallLogFilters, timeZone: string, limit: number, after = filters.after): SQL {
  const where = filterConditions(filters, timeZone);
  if (after) where.push(keysetBelow(after));
  return sql`select c.id, (extract(epoch from c.created_at) * 1000000)::bigint::text as micros, c.created_at as "createdAt",
      c.page_id as "pageId", p.title as "pageTitle", c.plugin_id as "pluginId", c.script->'target'->>'name' as "targetName",
      c.member_phone as "memberPhone", c.outcome, c.member_status as "memberStatus", c.target_status as "targetStatus",
      c.talk_seconds as "talkSeconds", c.attempt_count as "attemptCount", c.failure_code as "failureCode", c.failure_message as "failureMessage",
      c.status, c.ended_at as "endedAt", c.menu_rounds as "menuRounds"
    from calls c left join pages p on p.id = c.page_id
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by c.created_at desc, c.id desc
    limit ${limit}`;
}

/** Timestamps as Date whichever driver answered (raw queries may hand back strings); in place, as the export runs it a million times. */
export function normaliseRow(row: CallLogRow): CallLogRow {
  if (!(row.createdAt instanceof Date)) row.createdAt = new Date(row.createdAt);
  if (row.endedAt !== null && !(row.endedAt instanceof Date)) row.endedAt = new Date(row.endedAt);
  return row;
}

export const PAGE_SIZE = 50;

/** One page of the log and the cursor of the next, if there is one. */
export async function callLogPage(db: Db, filters: CallLogFilters, timeZone: string, size = PAGE_SIZE): Promise<{ rows: CallLogRow[]; next: string | null }> {
  const rows = (await selectRows<CallLogRow>(db, selectCallLog(filters, timeZone, size + 1))).map(normaliseRow);
  const more = rows.length > size;
  const shown = rows.slice(0, size);
  return { rows: shown, next: more ? cursorOf(shown.at(-1)!) : null };
}
