import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../db/testing";
import { startCallFixture } from "./testing/call-fixture";

// Low ceilings for this file only: the configuration is read once per test file.
process.env.CALL_LIMIT_PER_IP_PER_HOUR = "2";
process.env.CALL_LIMIT_PER_MINUTE = "3";

let f: Awaited<ReturnType<typeof startCallFixture>>;
beforeAll(async () => {
  f = await startCallFixture();
});
afterAll(() => f.close());

describe(`app-wide call limits (${testDriver()})`, () => {
  it("limits calls per client address per hour, whatever the number", async () => {
    for (const number of ["+442079460301", "+442079460302"]) await f.script(number, { answer: "no-answer" });
    expect(await f.place("+442079460301", "192.0.2.10")).toMatchObject({ ok: true });
    expect(await f.place("+442079460302", "192.0.2.10")).toMatchObject({ ok: true });
    const third = await f.place("+442079460303", "192.0.2.10");
    expect(third).toMatchObject({ ok: false, status: 429 });
    expect(!third.ok && third.retryAfter).toBeGreaterThan(0);
    expect(!third.ok && third.retryAfter).toBeLessThanOrEqual(3600);
  });

  it("holds a global ceiling per minute across addresses", async () => {
    // Each attempt from a new address and number, so only the global ceiling (3 a minute) can refuse it.
    // Eight quick attempts see at most two minute-windows, so at most six get through.
    const results = [];
    for (let i = 0; i < 8; i++) {
      const number = `+4420794604${String(i).padStart(2, "0")}`;
      await f.script(number, { answer: "no-answer" });
      results.push(await f.place(number, `192.0.2.${20 + i}`));
    }
    const refused = results.filter((result) => !result.ok);
    expect(results.filter((result) => result.ok).length).toBeLessThanOrEqual(6);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    for (const result of refused) expect(result).toMatchObject({ status: 429, retryAfter: expect.any(Number) });
    expect(Math.max(...refused.map((result) => (!result.ok && result.retryAfter) || 0))).toBeLessThanOrEqual(60);
  });
});
