import { and, asc, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../../db/testing";
import { startScenario, type Scenario } from "../testing/scenario";
import { simCallLog } from "./schema";
import { getCall } from "./store";

// Two simulated seconds a real one, one call a second: calls go out every 500 ms of real time.
let s: Scenario;
beforeAll(async () => {
  s = await startScenario({ speed: 2, cps: 1 });
  s.twiml("/start", (r) => r.say("Hi."));
  s.callback("/status");
});
afterAll(() => s.close());

describe(`the account's calls per second (${testDriver()})`, () => {
  it("keeps calls created faster than SIMULATOR_CPS queued, reports their queue_time, and places them at that rate", async () => {
    const numbers = ["+442079465001", "+442079465002", "+442079465003", "+442079465004"];
    for (const number of numbers) await s.script(number, { answer: "busy" });
    const created = await Promise.all(
      numbers.map(async (number) => (await s.rest("POST", "/Calls.json", { To: number, From: "+15005550006", Url: `${s.fixture.url}/start`, StatusCallback: `${s.fixture.url}/status`, StatusCallbackEvent: "initiated" })).json()),
    );
    const byQueueTime = (created as { sid: string; status: string; queue_time: string }[]).toSorted((a, b) => Number(a.queue_time) - Number(b.queue_time));
    expect(byQueueTime.map((call) => call.status)).toEqual(["queued", "queued", "queued", "queued"]);
    // Created together, they cannot all go at once: some wait, and queue_time says how long (simulated ms).
    expect(byQueueTime.at(-1)!.queue_time).not.toBe("0");
    for (const call of byQueueTime) {
      const row = (await getCall(s.sim, call.sid))!;
      expect(Number(call.queue_time)).toBe(Math.max(0, Math.round((row.dialAt!.getTime() - row.createdAt.getTime()) * 2)));
    }
    // The last is still waiting its turn.
    const last = byQueueTime.at(-1)!;
    expect((await (await s.rest("GET", `/Calls/${last.sid}.json`)).json()).status).toBe("queued");

    for (const call of byQueueTime) await s.fixture.waitForEnd(call.sid);
    // Their slots are 1/CPS apart, and none went out before its slot.
    const slots: number[] = [];
    for (const call of byQueueTime) slots.push((await getCall(s.sim, call.sid))!.dialAt!.getTime());
    for (let index = 1; index < slots.length; index++) expect(slots[index]! - slots[index - 1]!).toBeGreaterThanOrEqual(499);
    const initiatedAt: number[] = [];
    for (const call of byQueueTime) {
      const [entry] = await s.sim.db
        .select({ at: simCallLog.at })
        .from(simCallLog)
        .where(and(eq(simCallLog.callSid, call.sid), like(simCallLog.message, "initiated%")))
        .orderBy(asc(simCallLog.id));
      initiatedAt.push(entry!.at.getTime());
    }
    initiatedAt.forEach((at, index) => expect(at).toBeGreaterThanOrEqual(slots[index]! - 5));
  });
});
