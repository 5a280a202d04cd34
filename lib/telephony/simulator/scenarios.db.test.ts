import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../../db/testing";
import { endCall, placeCall, redirectCall } from "../calls";
import { dequeueMember, findOrCreateQueue, listQueueMembers } from "../queues";
import { createTwilioClient } from "../client";
import { TelephonyError } from "../errors";
import { startSimulatorFixture, TEST_ACCOUNT_SID, type SimulatorFixture } from "../testing/simulator-fixture";
import { VoiceResponse } from "../twiml";
import { accepted, twilioWebhook, type TwilioParams } from "../webhook";
import { phoneBehaviorSchema, setBehavior } from "./phone";
import { getCall } from "./store";

const FROM = "+15005550006";
let fixture: SimulatorFixture;
const received: TwilioParams[] = [];
const twiml = (build: (response: InstanceType<typeof VoiceResponse>) => void) =>
  twilioWebhook(({ params, url }) => {
    received.push({ ...params, path: url.pathname });
    const response = new VoiceResponse();
    build(response);
    return response;
  });
const script = (number: string, behavior: Record<string, unknown>) => setBehavior(fixture.sim, number, phoneBehaviorSchema.parse(behavior));
const requestsTo = (path: string) => received.filter((params) => params.path === path);
const call = (to: string, path: string, extra: Partial<Parameters<typeof placeCall>[0]> = {}) =>
  placeCall({ to, from: FROM, url: `${fixture.url}${path}`, statusCallback: `${fixture.url}/s/status`, ...extra });

beforeAll(async () => {
  fixture = await startSimulatorFixture();
  const { routes } = fixture;
  routes.set("/s/status", twilioWebhook(({ params }) => (received.push({ ...params, path: "/s/status" }), accepted())));
  routes.set("/s/say", twiml((r) => r.say("Hello there, this is a test.")));
  routes.set(
    "/s/gather",
    twiml((r) => {
      r.gather({ numDigits: 1, timeout: 3, action: "/s/never" }).say("Press a key.");
      r.say("We did not hear a key.");
    }),
  );
  routes.set("/s/broken", () => new Response("<Response><Say>unclosed</Response>", { headers: { "Content-Type": "text/xml" } }));
  routes.set("/s/failing", () => new Response("boom", { status: 500 }));
  routes.set("/s/hold", twiml((r) => r.pause({ length: 120 })));
  routes.set("/s/redirected", twiml((r) => r.say("You were moved.")));
  routes.set("/q/wait", twiml((r) => r.enqueue({ action: "/q/after" }, "support")));
  routes.set("/q/after", twiml((r) => r.say("Thanks for waiting.")));
  routes.set(
    "/q/take",
    twiml((r) => r.dial({ action: "/q/dialed", timeout: 20 }).queue({ url: "/q/whisper" }, "support")),
  );
  routes.set("/q/whisper", twiml((r) => r.say("Connecting you now.")));
  routes.set("/q/dialed", twiml((r) => r.hangup()));
  routes.set("/q/out", twiml((r) => r.say("You left the queue.")));
});
afterAll(() => fixture.close());

describe(`simulated phones (${testDriver()})`, () => {
  it("reports a busy phone with only the completed callback by default", async () => {
    await script("+447700900101", { answer: "busy" });
    const { sid } = await call("+447700900101", "/s/say");
    expect((await fixture.waitForEnd(sid)).status).toBe("busy");
    // A repeated delivery (disorder) is the same SequenceNumber again.
    const callbacks = [...new Map(requestsTo("/s/status").filter((params) => params.CallSid === sid).map((params) => [params.SequenceNumber, params])).values()];
    expect(callbacks).toEqual([expect.objectContaining({ CallStatus: "busy", CallDuration: "0", SequenceNumber: "0" })]);
  });

  it("gives up on a phone nobody answers at the ring timeout", async () => {
    await script("+447700900102", { answer: "no-answer" });
    const { sid } = await call("+447700900102", "/s/say", { timeout: 10 });
    expect((await fixture.waitForEnd(sid)).status).toBe("no-answer");
  });

  it("refuses numbers the way Twilio does, with its code and a plain reason", async () => {
    await script("+447700900103", { answer: "refuse", refuseCode: 21211 });
    const refused = await call("+447700900103", "/s/say").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TelephonyError);
    expect(refused).toMatchObject({ code: 21211, status: 400, reason: "This phone number isn't valid. Check it and try again." });
    const geo = await call("+15005550003", "/s/say").catch((error: unknown) => error);
    expect(geo).toMatchObject({ code: 21215, reason: "Calls to this country are not enabled." });
    const malformed = await call("12345", "/s/say").catch((error: unknown) => error);
    expect(malformed).toMatchObject({ code: 21211, status: 400 });
  });

  it("refuses a client with the wrong credentials (20003)", async () => {
    const intruder = createTwilioClient({ accountSid: TEST_ACCOUNT_SID, authToken: "wrong-token-000000000", apiBaseUrl: `${fixture.url}/dev/twilio` });
    const error = await intruder.calls.create({ to: "+447700900104", from: FROM, url: `${fixture.url}/s/say` }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 20003 });
  });
});

describe(`TwiML execution (${testDriver()})`, () => {
  it("falls through to the next verb when a Gather hears nothing", async () => {
    await script("+447700900201", { answer: "answer" });
    const { sid } = await call("+447700900201", "/s/gather");
    await fixture.waitForEnd(sid);
    const said = (await fixture.callLog(sid)).filter((entry) => entry.kind === "say").map((entry) => entry.message);
    expect(said).toEqual(["Press a key.", "We did not hear a key."]);
    expect(requestsTo("/s/never")).toHaveLength(0);
  });

  it("ends the call and reports invalid TwiML (12100) and an unreachable URL (11200)", async () => {
    await script("+447700900202", { answer: "answer" });
    const broken = await call("+447700900202", "/s/broken");
    const failing = await call("+447700900202", "/s/failing");
    for (const [{ sid }, code] of [[broken, 12100], [failing, 11200]] as const) {
      expect((await fixture.waitForEnd(sid)).status).toBe("completed");
      const log = await fixture.callLog(sid);
      expect(log).toContainEqual(expect.objectContaining({ kind: "error", detail: expect.objectContaining({ code }) }));
      expect(log).toContainEqual(expect.objectContaining({ kind: "say", message: "We are sorry, an application error has occurred. Goodbye." }));
    }
  });
});

describe(`the Calls REST resource (${testDriver()})`, () => {
  it("cancels a ringing call", async () => {
    const { sid } = await call("+447700900301", "/s/say");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await endCall(sid, "ringing")).sid).toBe(sid);
    expect((await fixture.waitForEnd(sid)).status).toBe("canceled");
  });

  it("redirects a live call to new TwiML, then hangs it up", async () => {
    await script("+447700900302", { answer: "answer", answerAfter: 0 });
    const { sid } = await call("+447700900302", "/s/hold");
    while ((await getCall(fixture.sim, sid))?.status !== "in-progress") await new Promise((resolve) => setTimeout(resolve, 20));
    await redirectCall(sid, `${fixture.url}/s/redirected`);
    expect((await fixture.waitForEnd(sid)).status).toBe("completed");
    expect((await fixture.callLog(sid)).filter((entry) => entry.kind === "say").map((entry) => entry.message)).toEqual(["You were moved."]);

    const { sid: second } = await call("+447700900302", "/s/hold");
    while ((await getCall(fixture.sim, second))?.status !== "in-progress") await new Promise((resolve) => setTimeout(resolve, 20));
    await endCall(second, "answered");
    const ended = await fixture.waitForEnd(second);
    expect(ended.status).toBe("completed");
    expect(ended.duration).toBeLessThan(60);
  });
});

describe(`queues (${testDriver()})`, () => {
  const enqueued = async (sid: string) => {
    while (!(await getCall(fixture.sim, sid))?.queueSid) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  it("bridges a queued caller to the <Dial><Queue> that takes them, and tells both actions", async () => {
    await script("+447700900401", { answer: "answer", answerAfter: 0 });
    await script("+447700900402", { answer: "answer", answerAfter: 0, hangupAfter: 20 });
    const waiting = await call("+447700900401", "/q/wait");
    await enqueued(waiting.sid);

    const queue = await findOrCreateQueue("support");
    expect(queue.sid).toMatch(/^QU[0-9a-f]{32}$/);
    expect(await listQueueMembers(queue.sid)).toEqual([{ callSid: waiting.sid, position: 1, waitTime: expect.any(Number) }]);

    const taker = await call("+447700900402", "/q/take");
    await fixture.waitForEnd(taker.sid);
    await fixture.waitForEnd(waiting.sid);

    expect(requestsTo("/q/whisper")).toEqual([
      expect.objectContaining({ CallSid: waiting.sid, QueueSid: queue.sid, DequeingCallSid: taker.sid, QueueTime: expect.any(String) }),
    ]);
    expect(requestsTo("/q/dialed")).toEqual([
      expect.objectContaining({ CallSid: taker.sid, DialCallStatus: "completed", DialCallSid: waiting.sid, DialBridged: "true" }),
    ]);
    const after = requestsTo("/q/after").filter((params) => params.CallSid === waiting.sid);
    expect(after).toEqual([expect.objectContaining({ QueueResult: "bridged", QueueSid: queue.sid, QueueTime: expect.any(String) })]);
    // The Enqueue action's TwiML runs once the bridge is over.
    expect((await fixture.callLog(waiting.sid)).some((entry) => entry.kind === "say" && entry.message === "Thanks for waiting.")).toBe(true);
    expect(await listQueueMembers(queue.sid)).toEqual([]);
  });

  it("dequeues the caller at the front to a URL through the Members resource", async () => {
    await script("+447700900403", { answer: "answer", answerAfter: 0 });
    const waiting = await call("+447700900403", "/q/wait");
    await enqueued(waiting.sid);
    const queue = await findOrCreateQueue("support");
    await dequeueMember(queue.sid, "Front", `${fixture.url}/q/out`);
    await fixture.waitForEnd(waiting.sid);
    expect(requestsTo("/q/out")).toEqual([expect.objectContaining({ CallSid: waiting.sid })]);
    expect(requestsTo("/q/after").filter((params) => params.CallSid === waiting.sid)).toEqual([
      expect.objectContaining({ QueueResult: "redirected" }),
    ]);
  });

  it("answers 404 for the front of an empty queue", async () => {
    const queue = await findOrCreateQueue("empty-queue");
    const error = await dequeueMember(queue.sid, "Front", `${fixture.url}/q/out`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 20404, status: 404 });
  });
});
