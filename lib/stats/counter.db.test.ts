import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as route from "@/app/api/pages/[slug]/count/route";
import { setDatabaseForTests } from "../db/client";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { pages } from "../pages/schema";
import { cachedPageCount, COUNT_FRESH_MS, pageCount } from "./counter";
import { rollUpCalls } from "./rollup";
import { addCall, statsPage } from "./testing";

let database: TestDatabase;
let scope: { pageId: string; pluginId: string };
const ada = { id: randomUUID(), name: "Ada Lovelace" };
const reachedAda = { target: ada, member: "heard" as const, dials: [{ status: "completed" as const, seconds: 90 }] };

beforeAll(async () => {
  database = await createTestDatabase();
  setDatabaseForTests(database);
  scope = await statsPage(database.db, "counted");
  await addCall(database.db, scope, reachedAda);
  await addCall(database.db, scope, { ...reachedAda, ago: 60 * 30 }); // 30 hours ago
  await addCall(database.db, scope, { target: ada, member: "heard", dials: [{ status: "busy" }, { status: "completed", seconds: 20 }] });
  await addCall(database.db, scope, { target: ada, member: "no-answer" });
  await addCall(database.db, scope, { target: ada, member: "heard", dials: [{ status: "failed" }] });
});
afterAll(() => database.dispose());

describe(`the public counter (${testDriver()})`, () => {
  it("counts calls that reached the target, in all and in the last 24 hours, the same before and after the rollup", async () => {
    expect(await pageCount(database.db, "counted")).toEqual({ total: 3, last24h: 2, goal: null });
    expect(await rollUpCalls(database.db)).toBe(5);
    await addCall(database.db, scope, { ...reachedAda, member: "live", ago: 1, dials: [] });
    expect(await pageCount(database.db, "counted")).toEqual({ total: 3, last24h: 2, goal: null });
    await database.db.update(pages).set({ callGoal: 5000 }).where(eq(pages.id, scope.pageId));
    expect(await pageCount(database.db, "counted")).toMatchObject({ goal: 5000 });
  });

  it("answers only for published pages", async () => {
    await statsPage(database.db, "drafted").then(({ pageId }) => database.db.update(pages).set({ status: "draft" }).where(eq(pages.id, pageId)));
    expect(await pageCount(database.db, "drafted")).toBeNull();
    expect(await pageCount(database.db, "nowhere")).toBeNull();
    const missing = await route.GET(new Request("http://app.test/api/pages/nowhere/count"), { params: Promise.resolve({ slug: "nowhere" }) });
    expect(missing.status).toBe(404);
    const odd = await route.GET(new Request("http://app.test/api/pages/x/count"), { params: Promise.resolve({ slug: "Robert'); drop table" }) });
    expect(odd.status).toBe(404);
  });

  it("asks the database once per page every few seconds, and says so to shared caches", async () => {
    const page = await statsPage(database.db, "busy-day");
    await addCall(database.db, page, reachedAda);
    const start = Date.now();
    const first = await cachedPageCount(database.db, "busy-day", start);
    await addCall(database.db, page, reachedAda);
    expect(await cachedPageCount(database.db, "busy-day", start + COUNT_FRESH_MS - 1)).toEqual(first);
    expect((await cachedPageCount(database.db, "busy-day", start + COUNT_FRESH_MS))!.total).toBe(first!.total + 1);
    const response = await route.GET(new Request("http://app.test/api/pages/busy-day/count"), { params: Promise.resolve({ slug: "busy-day" }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/s-maxage=5\b/);
    expect(await response.json()).toMatchObject({ total: 2, last24h: 2 });
  });
});
