import { describe, expect, it } from "vitest";
import { mergedMedian, middleRanks, type HistogramSlice } from "./median";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const [k1, k2] = middleRanks(sorted.length);
  return (sorted[k1 - 1]! + sorted[k2 - 1]!) / 2;
};

/** The slice the database answers: whole buckets of `width` seconds that meet the ranks [k1 - live, k2] of the histogram. */
function sliceOf(histogram: number[], live: number, width: number): HistogramSlice | null {
  if (!histogram.length) return null;
  const counts = new Map<number, number>();
  for (const value of histogram) counts.set(value, (counts.get(value) ?? 0) + 1);
  const rows = [...counts.entries()].sort(([a], [b]) => a - b).map(([value, count]) => ({ value, count }));
  const buckets = new Map<number, number>();
  for (const row of rows) buckets.set(Math.floor(row.value / width), (buckets.get(Math.floor(row.value / width)) ?? 0) + row.count);
  const [k1, k2] = middleRanks(histogram.length + live);
  let cum = 0;
  const chosen: number[] = [];
  for (const [bucket, count] of [...buckets.entries()].sort(([a], [b]) => a - b)) {
    if (cum + count >= k1 - live && cum < k2) chosen.push(bucket);
    cum += count;
  }
  const inChosen = rows.filter((row) => chosen.includes(Math.floor(row.value / width)));
  const before = rows.filter((row) => Math.floor(row.value / width) < chosen[0]!).reduce((n, row) => n + row.count, 0);
  return { before, total: histogram.length, rows: inChosen };
}

describe("the median of talk times from the rollup's histogram and live calls", () => {
  it("is the middle value, or the mean of the two middle ones", () => {
    expect(mergedMedian(sliceOf([120, 40, 10], 0, 32), [])).toBe(40);
    expect(mergedMedian(sliceOf([10, 20], 0, 32), [])).toBe(15);
    expect(mergedMedian(sliceOf([10], 2, 32), [50, 60])).toBe(50);
    expect(mergedMedian(null, [7, 3])).toBe(5);
    expect(mergedMedian(null, [])).toBeNull();
  });

  it("matches sorting every value, whatever the mix of rolled-up and live calls", () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 500; round++) {
      const histogram = Array.from({ length: Math.floor(random() * 60) }, () => Math.floor(random() * random() * 400));
      const live = Array.from({ length: Math.floor(random() * 6) }, () => Math.floor(random() * 500));
      if (!histogram.length && !live.length) continue;
      const width = [1, 8, 32, 1000][round % 4]!;
      expect(mergedMedian(sliceOf(histogram, live.length, width), live), `round ${round}`).toBe(median([...histogram, ...live]));
    }
  });
});
