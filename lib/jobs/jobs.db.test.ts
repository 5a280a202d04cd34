import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../db/testing";
import { openJobQueue } from "./boss";
import type { JobDefinition, JobHandlers } from "./handlers";
import { createQueues, startJobWorkers } from "./index";
import { runDueJobsOn } from "./testing";

const waitUntil = async (condition: () => boolean, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe("the job queue", () => {
  let database: TestDatabase;
  const started: PgBoss[] = [];
  const open = async (handlers: JobHandlers) => {
    const boss = openJobQueue(database, { pollSeconds: 0.5 });
    boss.on("error", () => {});
    await boss.start();
    await createQueues(boss, handlers);
    started.push(boss);
    return boss;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const boss of started) await boss.stop({ graceful: false, wait: true, close: true }).catch(() => {});
    await database.dispose();
  });

  it("runs a job once, with its data, on a worker", async () => {
    const seen: unknown[] = [];
    const handlers = { "test.once": { handler: async (data: { n: number }) => void seen.push(data) } } as unknown as JobHandlers;
    const boss = await open(handlers);
    await startJobWorkers(boss, handlers);
    await boss.send("test.once", { n: 7 });
    await waitUntil(() => seen.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(seen).toEqual([{ n: 7 }]);
  });

  it("holds a job until its start time", async () => {
    const ran: number[] = [];
    const handlers = { "test.later": { handler: async () => void ran.push(Date.now()) } } as unknown as JobHandlers;
    const boss = await open(handlers);
    const sentAt = Date.now();
    await boss.send("test.later", {}, { startAfter: new Date(sentAt + 2000) });
    expect(await runDueJobsOn(boss, handlers, "test.later")).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2300));
    expect(await runDueJobsOn(boss, handlers, "test.later")).toBe(1);
    expect(ran[0]! - sentAt).toBeGreaterThanOrEqual(2000);
  });

  it("retries a failing job up to its limit, then leaves it failed", async () => {
    let attempts = 0;
    const definition: JobDefinition<never> = {
      handler: async () => {
        attempts += 1;
        throw new Error("the receiver is down");
      },
      retryLimit: 2,
      retryDelaySeconds: 0,
      retryBackoff: false,
    };
    const handlers = { "test.failing": definition };
    const boss = await open(handlers);
    const id = (await boss.send("test.failing", {}))!;
    for (let round = 0; round < 5; round++) await runDueJobsOn(boss, handlers, "test.failing");
    expect(attempts).toBe(3);
    const job = await boss.getJobById("test.failing", id);
    expect(job?.state).toBe("failed");
    expect(job?.output).toMatchObject({ message: "the receiver is down" });
  });

  it("keeps a job due while no worker runs, and a later worker does it (durable across restarts)", async () => {
    const seen: string[] = [];
    const handlers = { "test.durable": { handler: async (data: { id: string }) => void seen.push(data.id) } } as unknown as JobHandlers;
    const first = await open(handlers);
    await first.send("test.durable", { id: "a" }, { startAfter: new Date(Date.now() + 500) });
    await first.stop({ graceful: true, wait: true, close: false });
    await new Promise((resolve) => setTimeout(resolve, 700));
    const second = await open(handlers);
    await startJobWorkers(second, handlers);
    await waitUntil(() => seen.length > 0);
    expect(seen).toEqual(["a"]);
  });

  it("hands each of 200 due jobs to exactly one of two workers", async () => {
    const seen = new Map<number, number>();
    const handler = async (data: { n: number }) => {
      seen.set(data.n, (seen.get(data.n) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 2));
    };
    const handlers = { "test.shared": { handler, batchSize: 10 } } as unknown as JobHandlers;
    const a = await open(handlers);
    const b = await open(handlers);
    await a.insert(Array.from({ length: 200 }, (_, n) => ({ name: "test.shared", data: { n } })));
    await Promise.all([startJobWorkers(a, handlers), startJobWorkers(b, handlers)]);
    await waitUntil(() => seen.size === 200, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect(seen.size).toBe(200);
  });
});

describe("the app's jobs", () => {
  it("each have a queue, and the scheduled ones a cron schedule, once workers start", async () => {
    const database = await createTestDatabase();
    const { JOB_HANDLERS } = await import("./handlers");
    const boss = openJobQueue(database, { pollSeconds: 0.5 });
    // Dropping the test database cuts pg-boss's idle connections; that is expected here.
    boss.on("error", () => {});
    try {
      await boss.start();
      await createQueues(boss, JOB_HANDLERS);
      await startJobWorkers(boss, JOB_HANDLERS);
      const queues = (await boss.getQueues()).map((queue) => queue.name);
      expect(queues).toEqual(expect.arrayContaining(Object.keys(JOB_HANDLERS)));
      const schedules = await boss.getSchedules();
      expect(schedules.map((schedule) => [schedule.name, schedule.cron])).toContainEqual(["rate-limits.prune", "17 * * * *"]);
    } finally {
      await boss.stop({ graceful: false, wait: true, close: true });
      await database.dispose();
    }
  });
});
