import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../db/testing";
import { startCallFixture } from "./testing/call-fixture";

// One call per address per hour; the global ceiling out of the way. Read once per test file.
process.env.CALL_LIMIT_PER_IP_PER_HOUR = "1";
process.env.CALL_LIMIT_PER_MINUTE = "1000";

let f: Awaited<ReturnType<typeof startCallFixture>>;
beforeAll(async () => {
  f = await startCallFixture({ callsPerNumberPerDay: 1 });
});
afterAll(() => f.close());

describe(`a member's daily calls are spent only by calls placed (${testDriver()})`, () => {
  it("refused requests naming someone's number don't use up that number's quota", async () => {
    const victim = "+442079460801";
    await f.script("+442079460802", { answer: "no-answer" });
    await f.script(victim, { answer: "no-answer" });
    expect(await f.place("+442079460802", "192.0.2.66")).toMatchObject({ ok: true, status: 201 });
    // The address is over its hourly limit: each of these is refused before the number is touched.
    for (let i = 0; i < 3; i++) expect(await f.place(victim, "192.0.2.66")).toMatchObject({ ok: false, status: 429 });
    // The victim still has their one call today.
    expect(await f.place(victim, "192.0.2.77")).toMatchObject({ ok: true, status: 201 });
  });
});
