import "server-only";
import { PgDialect } from "drizzle-orm/pg-core";
import { selectRows, type DatabaseHandle } from "../db/client";
import { escapeText } from "../csv/sheet";
import { maskPhoneNumber } from "../log";
import { cursorOf, type CallLogFilters } from "./filters";
import { normaliseRow, selectCallLog, type CallLogRow } from "./query";
import { MEMBER_LEG_WORDS, storedOutcomeWords, TARGET_LEG_WORDS } from "./words";

/**
 * The call log as CSV, with the log's filters, streamed: on PostgreSQL
 * through a server-side cursor (postgres.js `.cursor()`), on PGlite a keyset
 * batch at a time, so a million calls go out without being held in memory.
 * Excel-safe: a byte order mark, CRLF, and text cells that would run as a
 * formula escaped (lib/csv).
 */
export const EXPORT_HEADER = ["call_id", "time_utc", "page", "target", "member", "outcome", "outcome_code", "member_phone_status", "target_phone_status", "talk_seconds", "attempts"];
const BATCH = 2000;

/** Outcome words repeat across a million rows: worked out once each. */
function outcomeWordsCache() {
  const cache = new Map<string, string>();
  return (row: CallLogRow) => {
    const key = `${row.outcome}|${row.talkSeconds}|${row.failureCode}|${row.failureMessage}`;
    let words = cache.get(key);
    if (words === undefined) {
      words = escapeText(storedOutcomeWords(row));
      if (cache.size < 10_000) cache.set(key, words);
    }
    return words;
  };
}

/** A call still going reads "in progress": the export shows what was known when it ran. */
export function exportCells(row: CallLogRow, words: (row: CallLogRow) => string = outcomeWordsCache()): string[] {
  return [
    row.id,
    row.createdAt.toISOString(),
    escapeText(row.pageTitle ?? ""),
    escapeText(row.targetName ?? ""),
    maskPhoneNumber(row.memberPhone),
    words(row),
    row.outcome ?? "in-progress",
    row.memberStatus ? (MEMBER_LEG_WORDS[row.memberStatus] ?? row.memberStatus) : "",
    row.targetStatus ? (TARGET_LEG_WORDS[row.targetStatus] ?? row.targetStatus) : "",
    row.talkSeconds === null ? "" : String(row.talkSeconds),
    row.attemptCount === null ? "" : String(row.attemptCount),
  ];
}

// RFC 4180 by hand: papaparse's unparse spent more time than the database on a million rows.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const quote = (cell: string) => (NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const toCsv = (rows: string[][]) => {
  let text = "";
  for (const row of rows) text += `${row.map(quote).join(",")}\r\n`;
  return text;
};

async function* batches(handle: DatabaseHandle, filters: CallLogFilters, timeZone: string, size: number): AsyncGenerator<CallLogRow[]> {
  const from = { ...filters, after: undefined };
  if (handle.driver === "postgres") {
    const query = new PgDialect().sqlToQuery(selectCallLog(from, timeZone, Number.MAX_SAFE_INTEGER));
    for await (const rows of handle.client.unsafe(query.sql, query.params as never[]).cursor(size)) yield (rows as unknown as CallLogRow[]).map(normaliseRow);
    return;
  }
  let after: string | undefined;
  for (;;) {
    const rows = (await selectRows<CallLogRow>(handle.db, selectCallLog(from, timeZone, size, after))).map(normaliseRow);
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = cursorOf(rows.at(-1)!);
  }
}

/** The CSV's bytes, read from the database as the receiver takes them (pull: a slow download holds the cursor, not memory). */
export function exportCallsCsv(handle: DatabaseHandle, filters: CallLogFilters, timeZone: string, batchSize = BATCH): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const source = batches(handle, filters, timeZone, batchSize);
  const words = outcomeWordsCache();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${toCsv([EXPORT_HEADER])}`));
        return;
      }
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(toCsv(next.value.map((row) => exportCells(row, words)))));
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}
