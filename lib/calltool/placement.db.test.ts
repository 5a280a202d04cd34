import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../db/testing";
import { rateLimitCounters } from "../db/schema";
import { simCalls } from "../telephony/simulator/schema";
import { calls } from "./call-schema";
import { reconcileCalls } from "./reconcile";
import { NO_RECALL, startCallFixture } from "./testing/call-fixture";

// Fifty submits from fifty addresses: the global ceiling is not what this file tests.
process.env.CALL_LIMIT_PER_MINUTE = "1000";

let f: Awaited<ReturnType<typeof startCallFixture>>;
/** While set, the member leg's status callbacks are lost on the way (answered 503, and the simulator doesn't retry). */
let callbacksLost = false;
beforeAll(async () => {
  f = await startCallFixture(NO_RECALL);
  f.intercept((step) => (callbacksLost && step === "events" ? new Response("lost", { status: 503 }) : undefined));
});
afterAll(() => f.close());

const simCallsTo = (number: string) => f.db.select().from(simCalls).where(eq(simCalls.to, number));
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe(`no phantom failures (${testDriver()})`, () => {
  it("treats a lost answer from Twilio as unknown, shows “placing”, and takes the late callbacks", async () => {
    await f.script("+442079460601", { answer: "answer", answerAfter: 20, hangupAfter: 3 });
    f.proxy.fail({ kind: "drop-after-create" });
    callbacksLost = true;
    const placed = await f.place("+442079460601");
    expect(placed).toMatchObject({ ok: true, status: 201 });
    const callId = (placed as { callId: string }).callId;
    expect(await f.attempt(callId)).toMatchObject({ placement: "unknown", callSid: null });
    expect((await f.call(callId)).status).toBe("unstarted");
    expect(await f.progress(callId)).toMatchObject({ stage: "placing", done: false, message: "Placing your call…" });
    // Asking again while it may be ringing gets the same call, not a second ring.
    expect(await f.place("+442079460601")).toMatchObject({ ok: true, status: 200, callId });
    callbacksLost = false;
    // The member answers: Twilio's first request about the call proves it exists.
    const [simulated] = await simCallsTo("+442079460601");
    const attempt = await f.until(() => f.attempt(callId), (row) => row?.placement === "placed");
    expect(attempt!.callSid).toBe(simulated!.sid);
    const call = await f.finish(callId);
    expect(call.status).toBe("started");
    expect(await simCallsTo("+442079460601")).toHaveLength(1);
  });

  it("finds a call whose creation got no answer through Twilio's list, and settles it", async () => {
    await f.script("+442079460602", { answer: "no-answer" });
    f.proxy.fail({ kind: "drop-after-create" });
    callbacksLost = true;
    try {
      const placed = await f.place("+442079460602");
      const callId = (placed as { callId: string }).callId;
      const [simulated] = await f.until(() => simCallsTo("+442079460602"), (rows) => rows.length === 1);
      await f.fixture.waitForEnd(simulated!.sid);
      expect(await reconcileCalls(f.db, inMinutes(1))).toMatchObject({ asked: 0 });
      const result = await reconcileCalls(f.db, inMinutes(4));
      expect(result.settled).toBeGreaterThanOrEqual(1);
      expect(await f.attempt(callId)).toMatchObject({ placement: "placed", callSid: simulated!.sid, status: "no-answer" });
      expect((await f.call(callId)).endedAt).toBeInstanceOf(Date);
      expect(await f.progress(callId)).toMatchObject({ stage: "member-no-answer", done: true });
      expect(f.proxy.requests.some((request) => request.method === "GET" && request.params.get("To") === "+442079460602" && request.params.get("From") === "+15005550006")).toBe(true);
    } finally {
      callbacksLost = false;
    }
  });

  it("declares a call never placed only when Twilio still has no record of it after ten minutes", async () => {
    f.proxy.fail({ kind: "drop-before-create" });
    const placed = await f.place("+442079460603");
    const callId = (placed as { callId: string }).callId;
    expect(placed).toMatchObject({ ok: true, status: 201 });
    await reconcileCalls(f.db, inMinutes(4));
    expect(await f.attempt(callId)).toMatchObject({ placement: "unknown" });
    expect(await f.progress(callId)).toMatchObject({ stage: "placing" });
    await reconcileCalls(f.db, inMinutes(11));
    expect(await f.attempt(callId)).toMatchObject({ placement: "not-placed" });
    expect(await f.call(callId)).toMatchObject({ status: "failed", endedAt: expect.any(Date) });
    expect(await f.progress(callId)).toMatchObject({ stage: "failed", done: true, message: "The call couldn't be made: our phone provider never placed it; please try again" });
    expect(await simCallsTo("+442079460603")).toHaveLength(0);
  });

  it("fetches a quiet call by its CallSid when its last callback was lost", async () => {
    await f.script("+442079460604", { answer: "answer", answerAfter: 1, hangupAfter: 3 });
    callbacksLost = true;
    try {
      const placed = await f.place("+442079460604");
      const callId = (placed as { callId: string }).callId;
      const attempt = await f.until(() => f.attempt(callId), (row) => !!row?.callSid);
      await f.fixture.waitForEnd(attempt!.callSid!);
      expect((await f.call(callId)).endedAt).toBeNull();
      await reconcileCalls(f.db, inMinutes(4));
      expect(await f.attempt(callId)).toMatchObject({ status: "completed" });
      expect(await f.call(callId)).toMatchObject({ status: "started", endedAt: expect.any(Date) });
      expect(f.proxy.requests.some((request) => request.method === "GET" && request.path.includes(attempt!.callSid!))).toBe(true);
    } finally {
      callbacksLost = false;
    }
  });

  it("doesn't answer 500 while the phone rings when the CallSid could not be saved", async () => {
    await f.script("+442079460605", { answer: "no-answer" });
    await f.db.execute(sql.raw(`create or replace function fail_sid() returns trigger language plpgsql as $$ begin raise exception 'storage is broken'; end $$`));
    await f.db.execute(sql.raw(`create trigger fail_sid before update on call_attempts for each row when (old.call_sid is null and new.call_sid is not null) execute function fail_sid()`));
    try {
      const placed = await f.place("+442079460605");
      expect(placed).toMatchObject({ ok: true, status: 201 });
      const [simulated] = await simCallsTo("+442079460605");
      expect(simulated).toBeDefined();
    } finally {
      await f.db.execute(sql.raw(`drop trigger fail_sid on call_attempts`));
    }
  });
});

describe(`no duplicate calls (${testDriver()})`, () => {
  it("a double submit with the form's idempotency key dials once", async () => {
    await f.script("+442079460606", { answer: "no-answer" });
    const key = crypto.randomUUID();
    const [first, second] = await Promise.all([f.place("+442079460606", "203.0.113.1", { idempotencyKey: key }), f.place("+442079460606", "203.0.113.1", { idempotencyKey: key })]);
    const ids = [first, second].map((result) => (result as { callId: string }).callId);
    expect(ids[0]).toBe(ids[1]);
    expect([first, second].map((result) => (result as { status: number }).status).sort()).toEqual([200, 201]);
    // Resubmitted after the call ended, the same key still finds that call.
    await f.finish(ids[0]!);
    expect(await f.place("+442079460606", "203.0.113.1", { idempotencyKey: key })).toMatchObject({ ok: true, status: 200, callId: ids[0] });
    expect(await simCallsTo("+442079460606")).toHaveLength(1);
  });

  it("50 concurrent submits for one number place one call", async () => {
    await f.script("+442079460607", { answer: "no-answer" });
    const before = f.proxy.creations().length;
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => f.place("+44 20 7946 0607", `198.51.100.${i + 1}`, { idempotencyKey: crypto.randomUUID() })));
    expect(results.every((result) => result.ok)).toBe(true);
    const ids = new Set(results.map((result) => (result as { callId: string }).callId));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => (result as { status: number }).status === 201)).toHaveLength(1);
    expect(f.proxy.creations().length - before).toBe(1);
    expect(await f.db.select().from(calls).where(eq(calls.memberPhone, "+442079460607"))).toHaveLength(1);
    expect(await simCallsTo("+442079460607")).toHaveLength(1);
  });

  it("keys the per-number limit on a keyed hash: no number is stored in the counters", async () => {
    const keys = (await f.db.select({ key: rateLimitCounters.key }).from(rateLimitCounters)).map((row) => row.key).join(" ");
    expect(keys).not.toMatch(/\d{7}/);
    expect(keys).not.toContain("+44");
  });
});
