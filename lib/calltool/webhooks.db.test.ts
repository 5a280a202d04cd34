import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../db/testing";
import { callAttempts } from "./call-schema";
import { NO_RECALL, startCallFixture, TARGET_PHONE } from "./testing/call-fixture";

let f: Awaited<ReturnType<typeof startCallFixture>>;
beforeAll(async () => {
  // Ten simulated seconds a second: slow enough that a key pressed on hearing a prompt lands while its <Gather> listens.
  f = await startCallFixture(NO_RECALL, { speed: 10 });
});
afterAll(() => f.close());

/** A call the member never answers: its rows exist, and the tests below drive its webhooks by hand. */
async function quietCall(member: string) {
  await f.script(member, { answer: "no-answer" });
  const placed = await f.place(member);
  if (!placed.ok) throw new Error(placed.error);
  await f.finish(placed.callId);
  return placed.callId;
}

/** Makes every statement of `kind` on `table` fail, as a full disk or a lost connection would, until `heal()`. */
async function breakTable(table: string, kind: "insert" | "update", when = "true") {
  const name = `fail_${table}_${kind}`;
  await f.db.execute(sql.raw(`create or replace function ${name}() returns trigger language plpgsql as $$ begin raise exception 'storage is broken'; end $$`));
  await f.db.execute(sql.raw(`create trigger ${name} before ${kind} on ${table} for each row when (${when}) execute function ${name}()`));
  return { heal: () => f.db.execute(sql.raw(`drop trigger ${name} on ${table}`)) };
}

const base = (callSid: string) => ({ CallSid: callSid, AccountSid: "AC", From: "+15005550006", To: "+442079460999", CallStatus: "in-progress", Direction: "outbound-api" });

describe(`Twilio's retries count once (${testDriver()})`, () => {
  it("a repeated menu request neither adds a round nor skips one", async () => {
    const callId = await quietCall("+442079460501");
    const path = `/twilio/calls/${callId}/menu?attempt=1&replay=0&round=1&wrong=0`;
    const token = { "I-Twilio-Idempotency-Token": "idem-1" };
    const first = await (await f.post(path, base("CAmenu"), token)).text();
    const again = await (await f.post(path, base("CAmenu"), token)).text();
    const third = await (await f.post(path, base("CAmenu"))).text(); // same CallSid, step and parameters, another token
    expect(again).toBe(first);
    expect(third).toBe(first);
    expect(first).toContain("round=2");
    expect((await f.call(callId)).menuRounds).toBe(1);
  });

  it("a repeated target-status offers the same retry once, and keeps one row for the dial", async () => {
    const callId = await quietCall("+442079460502");
    const path = `/twilio/calls/${callId}/target-status?attempt=1&dial=1`;
    const params = { ...base("CAdial"), DialCallStatus: "busy", DialCallSid: "CAchild", DialCallDuration: "0" };
    const first = await (await f.post(path, params)).text();
    const again = await (await f.post(path, params)).text();
    expect(again).toBe(first);
    expect(first).toContain("line is busy. Press 1 to try again");
    expect(first).toContain(`connect?attempt=1&amp;dial=2&amp;pos=1&amp;redial=0&amp;again=1`);
    expect(await f.dials(callId)).toMatchObject([{ dial: 1, dialCallStatus: "busy", dialCallSid: "CAchild" }]);
    // The second dial's result is its own: no retry after it, and dial 1 keeps "busy".
    const second = await (await f.post(`/twilio/calls/${callId}/target-status?attempt=1&dial=2&again=1`, { ...params, DialCallStatus: "no-answer", DialCallSid: "CAchild2" })).text();
    expect(second).toContain("We couldn't reach Ada Lovelace this time. Goodbye.");
    expect(await f.dials(callId)).toMatchObject([
      { dial: 1, dialCallStatus: "busy" },
      { dial: 2, dialCallStatus: "no-answer" },
    ]);
  });

  it("a repeated status callback is stored once", async () => {
    const callId = await quietCall("+442079460503");
    const before = (await f.events(callId)).length;
    const params = { ...base("CArepeat"), CallStatus: "ringing", SequenceNumber: "7" };
    for (let i = 0; i < 3; i++) expect((await f.post(`/twilio/calls/${callId}/events?attempt=1`, params, { "I-Twilio-Idempotency-Token": "idem-2" })).status).toBe(204);
    expect((await f.events(callId)).length).toBe(before + 1);
  });

  it("caps replays at three, then plays the menu alone", async () => {
    const callId = await quietCall("+442079460504");
    const menu = (replay: number) => f.post(`/twilio/calls/${callId}/menu?attempt=1&replay=${replay}&round=1&wrong=0`, { ...base("CAreplay"), Digits: "2" });
    expect(await (await menu(2)).text()).toContain(`/start?attempt=1&amp;replay=3`);
    const capped = await (await menu(3)).text();
    expect(capped).not.toContain("/start");
    expect(capped).toContain("<Gather");
    expect(capped).toContain("round=2");
  });
});

describe(`what stays up when storage fails (${testDriver()})`, () => {
  it("answers 503 to a status callback that could not be stored, so Twilio retries it, and stores the retry", async () => {
    const callId = await quietCall("+442079460505");
    const params = { ...base("CAstore"), CallStatus: "ringing", SequenceNumber: "9" };
    const broken = await breakTable("call_events", "insert");
    try {
      const response = await f.post(`/twilio/calls/${callId}/events?attempt=1`, params);
      expect(response.status).toBe(503);
    } finally {
      await broken.heal();
    }
    expect((await f.post(`/twilio/calls/${callId}/events?attempt=1`, params)).status).toBe(204);
    expect((await f.events(callId)).filter((event) => event.callSid === "CAstore")).toHaveLength(1);
  });

  it("accepts a callback signed over its URL with the retry overrides", async () => {
    const callId = await quietCall("+442079460506");
    const params = { ...base("CAfragment"), CallStatus: "ringing", SequenceNumber: "11" };
    const url = `${f.fixture.url}/twilio/calls/${callId}/events?attempt=1`;
    const { default: twilio } = await import("twilio");
    const { TEST_AUTH_TOKEN } = await import("../telephony/testing/env");
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, `${url}#rc=3&rp=ct,rt,5xx`, params) },
      body: new URLSearchParams(params).toString(),
    });
    expect(response.status).toBe(204);
  });

  it("never hangs up on the target when /target-answered fails: an empty document, and the call is bridged", async () => {
    const callId = await quietCall("+442079460507");
    // Only the "they answered" write fails; the Dial's result can still be stored.
    const broken = await breakTable("target_dials", "update", "old.answered_at is null and new.answered_at is not null");
    try {
      const response = await f.post(`/twilio/calls/${callId}/target-answered?attempt=1&dial=1`, { ...base("CAtarget"), Direction: "outbound-dial" });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');

      // The same through the simulator: the member presses 1, the target answers, they talk.
      await f.script("+442079460508", { answer: "answer", answerAfter: 1, hangupAfter: 60 });
      await f.script(TARGET_PHONE, { answer: "answer", answerAfter: 1 });
      const placed = await f.place("+442079460508");
      if (!placed.ok) throw new Error(placed.error);
      // On hearing the menu, as a person does: a key pressed at a fixed time can fall outside the Gather, and is lost.
      await f.pressWhenHeard(placed.callId, "Press 1 to be connected now. Press 2 to hear the message again.", "1");
      await f.finish(placed.callId);
      const [dial] = await f.dials(placed.callId);
      expect(dial).toMatchObject({ dialCallStatus: "completed", answeredAt: null });
      expect(dial!.duration).toBeGreaterThan(5);
      expect(await f.progress(placed.callId)).toMatchObject({ stage: "connected" });
    } finally {
      await broken.heal();
    }
  });
});

describe(`each attempt's callbacks land on it (${testDriver()})`, () => {
  it("a late callback of an older attempt neither ends the call nor touches the newer attempt", async () => {
    const callId = await quietCall("+442079460509");
    // A newer attempt (a recall) is under way.
    await f.db.update(callAttempts).set({ endedAt: null }).where(sql`${callAttempts.callId} = ${callId}`);
    await f.db.execute(sql`update calls set ended_at = null where id = ${callId}`);
    await f.db.insert(callAttempts).values({ callId, attempt: 2, placement: "placed", callSid: "CAsecond", placedAt: new Date() });
    expect((await f.post(`/twilio/calls/${callId}/events?attempt=2`, { ...base("CAsecond"), CallStatus: "ringing", SequenceNumber: "1" })).status).toBe(204);
    // Attempt 1's final callback, retried late.
    const first = (await f.attempt(callId, 1))!;
    expect((await f.post(`/twilio/calls/${callId}/events?attempt=1`, { ...base(first.callSid!), CallStatus: "no-answer", SequenceNumber: "40" })).status).toBe(204);
    expect(await f.attempt(callId, 2)).toMatchObject({ status: "ringing", endedAt: null });
    expect((await f.call(callId)).endedAt).toBeNull();
    // The newer attempt's own end does end the call.
    await f.post(`/twilio/calls/${callId}/events?attempt=2`, { ...base("CAsecond"), CallStatus: "busy", SequenceNumber: "2" });
    expect((await f.call(callId)).endedAt).toBeInstanceOf(Date);
    expect(await f.attempt(callId, 2)).toMatchObject({ status: "busy" });
  });

  it("callbacks arriving out of order leave the attempt at the highest SequenceNumber", async () => {
    const callId = await quietCall("+442079460510");
    const post = (sequence: number, status: string) => f.post(`/twilio/calls/${callId}/events?attempt=1`, { ...base("CAorder"), SequenceNumber: String(sequence), CallStatus: status });
    await f.db.update(callAttempts).set({ callSid: null, lastSequence: -1, status: null }).where(sql`${callAttempts.callId} = ${callId}`);
    await Promise.all([post(3, "completed"), post(1, "ringing"), post(3, "completed")]);
    await Promise.all([post(0, "initiated"), post(2, "in-progress"), post(1, "ringing")]);
    expect(await f.attempt(callId)).toMatchObject({ status: "completed", lastSequence: 3, callSid: "CAorder" });
  });
});
