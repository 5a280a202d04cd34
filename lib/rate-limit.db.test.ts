import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDriver, type TestDatabase } from "./db/testing";
import { countInWindow, pruneRateLimits, recordHit, recordHits, secondsLeftInWindow } from "./rate-limit";

describe(`rate limit counters on ${testDriver()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.dispose());

  const window = { bucket: "test", key: "k", windowSeconds: 60 };

  it("counts concurrent hits without losing any", async () => {
    const now = new Date("2026-01-01T10:00:30Z");
    await Promise.all(Array.from({ length: 25 }, () => recordHit(database.db, window, now)));
    expect(await countInWindow(database.db, window, now)).toBe(25);
  });

  it("starts a new count in the next window and prunes old ones", async () => {
    const next = new Date("2026-01-01T10:01:05Z");
    expect(await recordHit(database.db, window, next)).toBe(1);
    await pruneRateLimits(database.db, new Date("2026-01-01T10:01:00Z"));
    expect(await countInWindow(database.db, window, new Date("2026-01-01T10:00:30Z"))).toBe(0);
    expect(await countInWindow(database.db, window, next)).toBe(1);
  });

  it("counts several windows in one statement and answers each window's count in order", async () => {
    const now = new Date("2026-01-01T11:00:00Z");
    const hour = { bucket: "per-ip", key: "192.0.2.1", windowSeconds: 3600 };
    const minute = { bucket: "global", key: "all", windowSeconds: 60 };
    await recordHit(database.db, minute, now);
    await recordHit(database.db, minute, now);
    expect(await recordHits(database.db, [hour, minute], now)).toEqual([1, 3]);
    expect(await recordHits(database.db, [minute, hour], now)).toEqual([4, 2]);
  });

  it("says how long the current window has left", () => {
    expect(secondsLeftInWindow(60, new Date("2026-01-01T10:00:45Z"))).toBe(15);
  });
});
