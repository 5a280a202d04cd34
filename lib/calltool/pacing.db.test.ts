import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../db/testing";
import { runDueJobs } from "../jobs/testing";
import { reserveSlot } from "../telephony/pacing";
import { startCallFixture } from "./testing/call-fixture";

// A new Twilio account's pace: one new call a second. Read once per test file.
process.env.TWILIO_CPS = "1";

let f: Awaited<ReturnType<typeof startCallFixture>>;
beforeAll(async () => {
  f = await startCallFixture();
});
afterAll(() => f.close());

describe(`outbound calls at the account's pace (${testDriver()})`, () => {
  it("hands out one slot a second, atomically, however many ask at once", async () => {
    const slots = await Promise.all(Array.from({ length: 5 }, () => reserveSlot(f.db, "pacing-test")));
    const times = slots.map((slot) => slot.at.getTime()).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(1000);
  });

  it("queues members beyond the pace, tells them when their phone will ring, and places them on time", async () => {
    const numbers = ["+442079460701", "+442079460702", "+442079460703", "+442079460704"];
    for (const number of numbers) await f.script(number, { answer: "no-answer" });
    const before = f.proxy.creations().length;
    const results = await Promise.all(numbers.map((number, i) => f.place(number, `192.0.2.${i + 1}`)));
    expect(results.every((result) => result.ok && result.status === 201)).toBe(true);
    const ids = results.map((result) => (result as { callId: string }).callId);

    // At most a moment's wait happens inside the request; the rest wait in line, durably.
    const waiting = [];
    for (const id of ids) if ((await f.attempt(id))!.placement === "waiting") waiting.push(id);
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    for (const id of waiting) {
      const progress = await f.progress(id);
      expect(progress).toMatchObject({ stage: "waiting", done: false });
      expect(progress.message).toMatch(/^You're in line: your phone will ring in about \d seconds?\.$|^Placing your call…$/);
      // Waiting in line is never "you didn't answer".
      expect(progress.stage).not.toBe("member-no-answer");
    }
    const last = (await Promise.all(waiting.map((id) => f.attempt(id)))).sort((a, b) => b!.scheduledAt.getTime() - a!.scheduledAt.getTime())[0]!;
    expect((await f.progress(last.callId)).message).toMatch(/in about [2-5] seconds/);

    // The queue places each when its slot comes.
    await f.until(
      async () => {
        await runDueJobs("calls.place-attempt");
        return Promise.all(ids.map((id) => f.attempt(id)));
      },
      (attempts) => attempts.every((attempt) => attempt!.placement === "placed"),
      20,
    );
    expect(f.proxy.creations().length - before).toBe(4);
    // Each went to Twilio no sooner than its slot, and the slots are a second apart: four calls take three seconds or more.
    const attempts = await Promise.all(ids.map((id) => f.attempt(id)));
    const slots = attempts.map((attempt) => attempt!.scheduledAt.getTime()).sort((a, b) => a - b);
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBe(1000);
    for (const attempt of attempts) expect(attempt!.placedAt!.getTime()).toBeGreaterThanOrEqual(attempt!.scheduledAt.getTime() - 5);
    const sent = attempts.map((attempt) => attempt!.placedAt!.getTime());
    expect(Math.max(...sent) - Math.min(...sent)).toBeGreaterThanOrEqual(2900);
  });
});
