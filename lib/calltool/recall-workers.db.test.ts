import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../db/testing";
import { simCalls } from "../telephony/simulator/schema";
import { callAttempts, type CallScript } from "./call-schema";
import { createCall } from "./create-call";
import { settleAttempt } from "./recall";
import { startCallFixture } from "./testing/call-fixture";

// Recalls worked by `npm run worker` processes (scripts/worker.ts) on one PostgreSQL, the
// simulator and the app's Twilio routes served by this test. The workers place calls through
// the Twilio REST API like the app, so the simulator's own record counts what was dialled.
const root = path.resolve(import.meta.dirname, "../..");

type Worker = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startWorker(env: Record<string, string>): Worker {
  let output = "";
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "info", JOBS_POLL_SECONDS: "0.5", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until<T>(read: () => Promise<T>, check: (value: T) => boolean, seconds: number, what: string): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)} after ${seconds}s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A zone where it is midday now, so quiet hours never postpone these recalls, whenever the test runs. */
function middayZone(): string {
  const offset = 12 - new Date().getUTCHours();
  return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

if (testDriver() === "postgres") {
  describe("recalls worked by separate worker processes on one PostgreSQL (postgres)", () => {
    let f: Awaited<ReturnType<typeof startCallFixture>>;
    let databaseUrl = "";
    let script: CallScript;
    const workers: Worker[] = [];
    const worker = () => {
      const started = startWorker({ DATABASE_URL: databaseUrl, JOBS_WORKER: "in-process" });
      workers.push(started);
      return started;
    };
    const ready = (started: Worker) => until(async () => started.output(), (text) => text.includes("worker ready"), 60, "worker start-up");

    beforeAll(async () => {
      f = await startCallFixture({}, { speed: 40 });
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${f.fixture.database.name}`;
      databaseUrl = url.toString();
      // A real call's script, its member's time zone set to one at midday.
      await f.script("+442079460700", { answer: "answer", answerAfter: 1, hangupAfter: 1 });
      const first = await f.place("+442079460700");
      if (!first.ok) throw new Error(first.error);
      const call = await f.call(first.callId);
      script = { ...call.script, recall: { policy: call.script.recall!.policy, timeZones: [middayZone()] } };
    });
    afterAll(async () => {
      for (const started of workers) started.child.kill("SIGKILL");
      await f.close();
    });

    /**
     * `count` calls whose first attempt found the line busy, settled as the status callback
     * settles them: each has attempt 2 waiting, due `dueInMs` from now, and its job queued.
     */
    async function missedCalls(from: number, count: number, dueInMs: number) {
      const ended = new Date(Date.now() - 2 * 60_000 + dueInMs);
      const ids: string[] = [];
      const numbers: string[] = [];
      for (let n = 0; n < count; n++) {
        const member = `+44207946${String(from + n).padStart(4, "0")}`;
        await f.script(member, { answer: "busy" });
        const made = await createCall(f.db, { pageId: f.pageId, pluginId: f.pluginId, targetId: f.targetId, memberPhone: member, memberCountry: "GB", memberIp: "203.0.113.9", script }, 50);
        if (made.kind !== "created") throw new Error(`call for ${member} not created: ${made.kind}`);
        await f.db.insert(callAttempts).values({ callId: made.call.id, attempt: 1, placement: "placed", callSid: `CAmissed${from + n}`, status: "busy", placedAt: ended, ringingAt: ended, endedAt: ended });
        const settled = await settleAttempt(f.db, made.call.id, 1);
        expect(settled).toMatchObject({ kind: "recall", attempt: 2, queued: true });
        ids.push(made.call.id);
        numbers.push(member);
      }
      return { ids, numbers };
    }
    const recallsOf = (ids: string[]) => f.db.select().from(callAttempts).where(and(inArray(callAttempts.callId, ids), eq(callAttempts.attempt, 2)));
    const simulatedCallsTo = (numbers: string[]) => f.db.select({ to: simCalls.to }).from(simCalls).where(and(inArray(simCalls.to, numbers), eq(simCalls.direction, "outbound-api")));

    it("two workers dial each of 200 recalls due at once exactly once", async () => {
      const { ids, numbers } = await missedCalls(0, 200, 0);
      const [a, b] = [worker(), worker()];
      await Promise.all([ready(a), ready(b)]);
      await until(() => recallsOf(ids), (rows) => rows.length === 200 && rows.every((row) => row.callSid !== null), 120, "recalls placed");
      // Let stray duplicates, if any, reach the simulator.
      await new Promise((resolve) => setTimeout(resolve, 3000));

      const dialled = await simulatedCallsTo(numbers);
      const perNumber = new Map<string, number>();
      for (const { to } of dialled) perNumber.set(to, (perNumber.get(to) ?? 0) + 1);
      expect(dialled).toHaveLength(200);
      expect(new Set(perNumber.values())).toEqual(new Set([1]));
      expect(new Set((await recallsOf(ids)).map((row) => row.callSid)).size).toBe(200);
      a.child.kill("SIGTERM");
      b.child.kill("SIGTERM");
      await Promise.all([a.exited, b.exited]);
    }, 240_000);

    it("places recalls that fell due while no worker ran, once one starts again", async () => {
      const first = worker();
      await ready(first);
      const { ids, numbers } = await missedCalls(300, 20, 4000);
      // The app stops with the recalls pending...
      first.child.kill("SIGTERM");
      expect(await first.exited).toBe(0);
      expect((await recallsOf(ids)).every((row) => row.placement === "waiting")).toBe(true);
      // ...they fall due while it is down...
      await new Promise((resolve) => setTimeout(resolve, 5000));
      expect(await simulatedCallsTo(numbers)).toHaveLength(0);
      // ...and are placed once it is back.
      const second = worker();
      await ready(second);
      await until(() => recallsOf(ids), (rows) => rows.every((row) => row.callSid !== null), 60, "recalls placed after the restart");
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await simulatedCallsTo(numbers)).toHaveLength(20);
    }, 180_000);
  });
} else {
  describe("npm run worker on the embedded database (pglite)", () => {
    it("refuses to start, since the one server process works PGlite's queue itself", async () => {
      const started = startWorker({ DATABASE_URL: "" });
      expect(await started.exited).toBe(1);
      expect(started.output()).toContain("npm run worker needs DATABASE_URL");
    }, 60_000);
  });
}
