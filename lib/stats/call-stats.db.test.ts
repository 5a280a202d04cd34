import { randomUUID } from "node:crypto";
import { count, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { calls } from "../calltool/call-schema";
import { callFeedback } from "../feedback/schema";
import { callStats } from "./call-stats";
import { rollUpBatch, rollUpCalls } from "./rollup";
import { addCall, statsPage } from "./testing";

let database: TestDatabase;
const ada = { id: randomUUID(), name: "Ada Lovelace" };
const bob = { id: randomUUID(), name: "Bob Wrong-Number" };
const other = { id: randomUUID(), name: "Someone Elsewhere" };
let scope: { pageId: string; pluginId: string };
let ids: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  scope = await statsPage(db, "bees");
  const elsewhere = await statsPage(db, "wasps");
  ids = [
    await addCall(db, scope, { target: ada, member: "heard", dials: [{ status: "completed", seconds: 120 }] }),
    await addCall(db, scope, { target: ada, member: "heard", dials: [{ status: "completed", seconds: 40 }] }),
    await addCall(db, scope, { target: ada, member: "heard", dials: [{ status: "completed", seconds: 10 }] }),
    await addCall(db, scope, { target: ada, member: "heard", dials: [{ status: "busy" }, { status: "no-answer" }] }),
    await addCall(db, scope, { target: ada, member: "heard", dials: [{ status: "busy" }] }),
    await addCall(db, scope, { target: ada, member: "no-answer" }),
    await addCall(db, scope, { target: ada, member: "busy", ago: 60 * 24 * 3 }),
    await addCall(db, scope, { target: ada, member: "answered" }),
    await addCall(db, scope, { target: bob, member: "heard", dials: [{ status: "failed" }] }),
    await addCall(db, scope, { target: bob, member: "heard", dials: [{ status: "failed" }] }),
    await addCall(db, scope, { target: bob, member: "heard", dials: [{ status: "failed" }], ago: 60 * 24 * 10 }),
    await addCall(db, scope, { target: bob, member: "live", ago: 1 }),
  ];
  await addCall(db, elsewhere, { target: other, member: "heard", dials: [{ status: "completed", seconds: 300 }] });
  await db.insert(callFeedback).values([
    { callId: ids[0]!, answer: "spoke", note: "Her aide listened" },
    { callId: ids[1]!, answer: "voicemail" },
  ]);
});
afterAll(() => database.dispose());

const byValue = (list: { value: string; count: number }[]) => Object.fromEntries(list.map((row) => [row.value, row.count]));

describe(`call statistics (${testDriver()})`, () => {
  it("count outcomes, both legs, the funnel and each target from the calls themselves", async () => {
    const stats = await callStats(database.db, { pluginId: scope.pluginId });
    expect(stats.total).toBe(12);
    expect(byValue(stats.outcomes)).toEqual({
      connected: 3,
      "target-busy": 1,
      "target-no-answer": 1,
      "target-failed": 3,
      "member-no-answer": 1,
      "member-busy": 1,
      "hung-up-before-connected": 1,
      calling: 1,
    });
    expect(byValue(stats.memberStatuses)).toEqual({ completed: 9, "no-answer": 1, busy: 1, ringing: 1 });
    expect(byValue(stats.targetStatuses)).toEqual({ completed: 3, busy: 1, "no-answer": 1, failed: 3, none: 4 });
    expect(stats.funnel.map((step) => [step.label, step.count])).toEqual([
      ["Requested", 12],
      ["Member answered", 9],
      ["Heard the message", 8],
      ["Pressed 1", 8],
      ["Target answered", 3],
      ["Talked over 30 s", 2],
    ]);
    const [first, second] = stats.targets;
    expect(first).toMatchObject({ targetName: "Ada Lovelace", calls: 8, connected: 3, busy: 1, noAnswer: 1, failed: 0, averageTalk: 170 / 3, medianTalk: 40, flag: null });
    expect(first!.feedback).toEqual({ spoke: 1, voicemail: 1, "no-answer": 0, notes: ["Her aide listened"] });
    expect(second).toMatchObject({ targetName: "Bob Wrong-Number", calls: 4, connected: 0, failed: 3, averageTalk: null, medianTalk: null });
    expect(second!.flag).toMatch(/3 of 3 dials failed/);
  });

  it("draw calls per day and per week, with the days that had none", async () => {
    const stats = await callStats(database.db, { pageId: scope.pageId });
    expect(stats.perDay).toHaveLength(30);
    expect(stats.perWeek).toHaveLength(12);
    expect(stats.perDay.reduce((n, day) => n + day.calls, 0)).toBe(12);
    expect(stats.perWeek.reduce((n, week) => n + week.calls, 0)).toBe(12);
    expect(stats.perDay.at(-1)!.period).toBe(new Date().toISOString().slice(0, 10));
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    expect(stats.perDay.find((day) => day.period === tenDaysAgo)).toMatchObject({ calls: 1, reached: 0 });
    expect(stats.perDay.reduce((n, day) => n + day.reached, 0)).toBe(3);
  });

  it("say exactly the same once finished calls are rolled up, a batch at a time, each once", async () => {
    const before = await callStats(database.db, { pluginId: scope.pluginId });
    const overallBefore = await callStats(database.db, {});
    expect(overallBefore.total).toBe(13);
    expect(await rollUpBatch(database.db)).toBe(12); // every finished call; the live one waits
    expect(await rollUpCalls(database.db)).toBe(0); // none is counted twice
    const [{ left }] = (await database.db.select({ left: count() }).from(calls).where(isNull(calls.rolledUpAt))) as [{ left: number }];
    expect(left).toBe(1);
    expect(await callStats(database.db, { pluginId: scope.pluginId })).toEqual(before);
    expect(await callStats(database.db, {})).toEqual(overallBefore);
    // The rollups hold what they say: one row per target and talk time.
    const talk = await database.db.execute(sql`select seconds, count from call_stats_talk order by seconds`);
    expect(JSON.stringify(talk)).toContain("300");
  });

  it("merge calls not yet rolled up into the rolled-up medians, exactly", async () => {
    await addCall(database.db, scope, { target: ada, member: "heard", dials: [{ status: "completed", seconds: 200 }] });
    const ada2 = (await callStats(database.db, { pluginId: scope.pluginId })).targets.find((target) => target.targetName === "Ada Lovelace")!;
    expect(ada2).toMatchObject({ connected: 4, medianTalk: 80, averageTalk: 370 / 4 });
    await rollUpCalls(database.db);
    expect((await callStats(database.db, { pluginId: scope.pluginId })).targets.find((target) => target.targetName === "Ada Lovelace")).toEqual(ada2);
  });

  it("keep each scope apart", async () => {
    const elsewhere = await callStats(database.db, { pageId: randomUUID() });
    expect(elsewhere.total).toBe(0);
    expect(elsewhere.targets).toEqual([]);
    expect(elsewhere.perDay.every((day) => day.calls === 0)).toBe(true);
  });

  it("count a call through several targets once in the funnel, and once for each target it dialled", async () => {
    const sequence = await statsPage(database.db, "sequence");
    const carol = { id: randomUUID(), name: "Carol First" };
    const dan = { id: randomUUID(), name: "Dan Second" };
    const erin = { id: randomUUID(), name: "Erin Wrong" };
    await addCall(database.db, sequence, { target: carol, member: "heard", dials: [{ status: "busy" }, { status: "completed", seconds: 50, target: dan }] });
    await addCall(database.db, sequence, { target: carol, member: "heard", dials: [{ status: "completed", seconds: 20 }, { status: "failed", target: erin }] });
    const live = await callStats(database.db, { pluginId: sequence.pluginId });
    expect(live.total).toBe(2);
    expect(live.funnel.map((step) => step.count)).toEqual([2, 2, 2, 2, 2, 1]);
    expect(byValue(live.outcomes)).toEqual({ connected: 2 });
    const row = (name: string) => live.targets.find((target) => target.targetName === name);
    expect(row("Carol First")).toMatchObject({ calls: 2, connected: 1, busy: 1, failed: 0, averageTalk: 20, medianTalk: 20 });
    expect(row("Dan Second")).toMatchObject({ calls: 1, connected: 1, busy: 0, averageTalk: 50, medianTalk: 50 });
    expect(row("Erin Wrong")).toMatchObject({ calls: 1, connected: 0, failed: 1, averageTalk: null });
    await rollUpCalls(database.db);
    expect(await callStats(database.db, { pluginId: sequence.pluginId })).toEqual(live);
  });
});
