/**
 * Exact medians from a histogram the database holds and a few live values,
 * reading only the histogram's rows around the middle (see call-stats.ts,
 * medianTalk). Pure, so it is tested against sorting every value.
 */

/** Rows of the histogram, by value, covering at least the ranks around the middle; `before` values lie below the first row. */
export type HistogramSlice = { before: number; total: number; rows: { value: number; count: number }[] };

/** The ranks (1-based) whose values a median of n values averages. */
export const middleRanks = (n: number): [number, number] => [Math.floor((n + 1) / 2), Math.floor(n / 2) + 1];

/**
 * The median of the histogram's values together with `live`. The slice must
 * hold every histogram row whose ranks meet [k1 - live.length, k2] of the
 * histogram alone (then no value below it, nor beyond it when more rows
 * follow, can be the answer); null when there are no values at all.
 */
export function mergedMedian(slice: HistogramSlice | null, live: number[]): number | null {
  const total = (slice?.total ?? 0) + live.length;
  if (total === 0) return null;
  const sortedLive = [...live].sort((a, b) => a - b);
  const rows = slice?.rows ?? [];
  const cumulative: { value: number; cum: number }[] = [];
  let running = slice?.before ?? 0;
  for (const row of rows) cumulative.push({ value: row.value, cum: (running += row.count) });
  const countHistogram = (value: number) => {
    let count = slice?.before ?? 0;
    for (const row of cumulative) if (row.value <= value) count = row.cum;
    return count;
  };
  const countLive = (value: number) => sortedLive.filter((seconds) => seconds <= value).length;
  const candidates = [...new Set([...rows.map((row) => row.value), ...sortedLive])].sort((a, b) => a - b);
  const valueAt = (rank: number) => candidates.find((value) => countHistogram(value) + countLive(value) >= rank)!;
  const [k1, k2] = middleRanks(total);
  return (valueAt(k1) + valueAt(k2)) / 2;
}
