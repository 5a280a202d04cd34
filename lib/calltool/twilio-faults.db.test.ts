import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../db/testing";
import { TWILIO_TIMEOUT_MS } from "../telephony/client";
import { reconcileCalls } from "./reconcile";
import { startCallFixture } from "./testing/call-fixture";

// Issue 14's faults of Twilio's REST API: whatever it does, a member pressing "Call me"
// hears back within 10 s, in words that are true, and no call is left waiting for ever.
process.env.CALL_LIMIT_PER_MINUTE = "1000";

let f: Awaited<ReturnType<typeof startCallFixture>>;
beforeAll(async () => {
  f = await startCallFixture();
});
afterAll(() => f.close());

const timed = async <T>(work: () => Promise<T>) => {
  const began = Date.now();
  const result = await work();
  return { result, ms: Date.now() - began };
};
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe(`POST /api/call when Twilio's REST API misbehaves (${testDriver()})`, () => {
  it("answers a Twilio 500 at once with 'very busy', and the call ends failed with the reason", async () => {
    f.proxy.fail({ kind: "status", status: 500, code: 20500, message: "Internal Server Error" });
    const { result, ms } = await timed(() => f.place("+442079460701"));
    expect(ms).toBeLessThan(10_000);
    expect(result).toMatchObject({ ok: false, status: 503, error: expect.stringMatching(/very busy|try again in a minute/i), callId: expect.any(String) });
    const callId = (result as { callId: string }).callId;
    expect(await f.call(callId)).toMatchObject({ status: "failed", endedAt: expect.any(Date), failureCode: 20500 });
  });

  it("answers Twilio's 429 (too many requests) the same way, never as the member's fault", async () => {
    f.proxy.fail({ kind: "status", status: 429, code: 20429, message: "Too Many Requests" });
    const { result, ms } = await timed(() => f.place("+442079460702"));
    expect(ms).toBeLessThan(10_000);
    expect(result).toMatchObject({ ok: false, status: 503 });
    expect((result as { field?: string }).field).not.toBe("member_phone_number");
  });

  it("gives up waiting on a slow Twilio within 10 s, says 'placing', and takes the call when Twilio does place it", async () => {
    await f.script("+442079460703", { answer: "answer", answerAfter: 1, hangupAfter: 2 });
    f.proxy.fail({ kind: "slow", ms: 20_000 });
    const { result, ms } = await timed(() => f.place("+442079460703"));
    expect(ms).toBeGreaterThanOrEqual(TWILIO_TIMEOUT_MS - 500);
    expect(ms).toBeLessThan(10_000);
    expect(result).toMatchObject({ ok: true });
    const callId = (result as { callId: string }).callId;
    expect(await f.progress(callId)).toMatchObject({ stage: "placing", done: false });
    // Twilio creates it after 20 s; its first request settles the attempt.
    const call = await f.finish(callId);
    expect(call.status).not.toBe("failed");
    expect(await f.attempt(callId)).toMatchObject({ placement: "placed" });
  }, 60_000);

  it("gives up on a Twilio that never answers within 10 s, and reconciliation closes the call rather than leave it unstarted", async () => {
    f.proxy.fail({ kind: "silent" });
    const { result, ms } = await timed(() => f.place("+442079460704"));
    expect(ms).toBeLessThan(10_000);
    expect(result).toMatchObject({ ok: true });
    const callId = (result as { callId: string }).callId;
    expect(await f.attempt(callId)).toMatchObject({ placement: "unknown" });
    await reconcileCalls(f.db, inMinutes(11));
    expect(await f.call(callId)).toMatchObject({ status: "failed", endedAt: expect.any(Date) });
    expect(await f.progress(callId)).toMatchObject({ stage: "failed", done: true });
  }, 30_000);
});
