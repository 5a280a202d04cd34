import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../../db/testing";
import { startScenario, type Scenario } from "../testing/scenario";
import { getCall, pressDigits } from "./store";

let s: Scenario;
let url = "";
beforeAll(async () => {
  s = await startScenario();
  url = s.fixture.url;
  // Keys pressed during the first Say are outside any Gather.
  s.twiml("/lost", (r) => {
    r.say("Welcome to the call tool, please listen carefully now.");
    r.gather({ numDigits: 1, timeout: 3, action: `${url}/pressed` }).say("Press a key.");
    r.say("Nothing heard.");
  });
  s.twiml("/pressed", (r) => r.say("Thank you."));
  // <Number url> documents: one that screens the callee with a key, one that hangs up, one that fails.
  for (const [path, whisper] of [["/dial-screened", "/screen"], ["/dial-refused", "/refuse"], ["/dial-broken", "/broken"]]) {
    s.twiml(path!, (r) => r.dial({ action: `${url}/dialed`, timeout: 20 }).number({ url: `${url}${whisper}` }, "+442079462002"));
  }
  s.twiml("/screen", (r) => {
    r.say("A call for you.");
    r.gather({ numDigits: 1, timeout: 5, action: `${url}/screened` }).say("Press 1 to accept.");
    r.hangup();
  });
  s.twiml("/screened", (r, params) => (params.Digits === "1" ? r.say("Connecting.") : r.hangup()));
  s.twiml("/refuse", (r) => {
    r.say("Not now.");
    r.hangup();
  });
  s.raw("/broken", () => new Response("oops", { status: 500 }));
  s.twiml("/dialed", (r) => r.say("Dial over."));
  // A first document that answers too slowly for its read-timeout override, with and without a fallback.
  s.raw("/slow", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1200));
    return new Response("<Response><Say>Too late.</Say></Response>", { headers: { "Content-Type": "text/xml" } });
  });
  s.twiml("/fallback", (r, params) => r.say(`Fallback after ${params.ErrorCode}.`));
  s.twiml("/dial-failing", (r) => r.dial({ action: `${url}/dialed`, timeout: 20 }).number("+15005550003"));
  s.twiml("/dial-spoofed", (r) => r.dial({ action: `${url}/dialed`, timeout: 20, callerId: "+442079469999" }).number("+442079462002"));
  s.callback("/status");
  s.twiml("/hold", (r) => r.pause({ length: 120 }));
  // hangupOnStar: the caller's * hangs up on the callee; the Dial's action follows. Without it, * is a tone like any other.
  s.twiml("/dial-star", (r) => r.dial({ action: `${url}/dialed`, timeout: 20, hangupOnStar: true }).number("+442079462007"));
  s.twiml("/dial-no-star", (r) => r.dial({ action: `${url}/dialed`, timeout: 20 }).number("+442079462007"));
  s.twiml("/dial-limited", (r) => r.dial({ action: `${url}/dialed`, timeout: 20, timeLimit: 5 }).number("+442079462005"));
});
afterAll(() => s.close());

const said = async (sid: string) => (await s.fixture.callLog(sid)).filter((entry) => entry.kind === "say").map((entry) => entry.message);

describe(`keys outside a <Gather> (${testDriver()})`, () => {
  it("are lost, as on Twilio, not kept for the next Gather", async () => {
    await s.script("+442079462001", { answer: "answer", answerAfter: 0, digits: [{ after: 1, digits: "5" }] });
    const { sid } = await s.call("+442079462001", "/lost");
    await s.fixture.waitForEnd(sid);
    expect(s.requestsTo("/pressed", sid)).toEqual([]);
    expect(await said(sid)).toContain("Nothing heard.");
    expect(await s.fixture.callLog(sid)).toContainEqual(expect.objectContaining({ kind: "digits", message: "Pressed 5: lost, no <Gather> was listening" }));
  });
});

describe(`the <Number url> document runs in full on the callee's leg (${testDriver()})`, () => {
  const dialed = (sid: string) => s.requestsTo("/dialed", sid)[0];

  it("gathers the callee's key, follows its action, then bridges", async () => {
    // Hang-ups long after the screening (seconds of real time at this speed), so a loaded machine still bridges first.
    await s.script("+442079462003", { answer: "answer", answerAfter: 0, hangupAfter: 240 });
    await s.script("+442079462002", { answer: "answer", answerAfter: 1, digits: [{ after: 0.5, digits: "1", onPrompt: true }], hangupAfter: 120 });
    const { sid } = await s.call("+442079462003", "/dial-screened");
    await s.fixture.waitForEnd(sid);
    const leg = dialed(sid)!;
    expect(leg).toMatchObject({ DialCallStatus: "completed", DialBridged: "true" });
    expect(s.requestsTo("/screened", leg.DialCallSid)).toEqual([expect.objectContaining({ Digits: "1", Direction: "outbound-dial", ParentCallSid: sid })]);
    expect(await said(leg.DialCallSid!)).toEqual(["A call for you.", "Press 1 to accept.", "Connecting."]);
  });

  it("does not bridge a callee whose document hangs up; the Dial action hears completed, not bridged", async () => {
    await s.script("+442079462002", { answer: "answer", answerAfter: 1 });
    const { sid } = await s.call("+442079462003", "/dial-refused");
    await s.fixture.waitForEnd(sid);
    const leg = dialed(sid)!;
    expect(leg).toMatchObject({ DialCallStatus: "completed", DialBridged: "false" });
    expect((await getCall(s.sim, leg.DialCallSid!))?.status).toBe("completed");
    expect((await s.fixture.callLog(sid)).some((entry) => entry.kind === "dial" && entry.message.startsWith("Connected"))).toBe(false);
    expect(await said(sid)).toContain("Dial over.");
  });

  it("does not bridge a callee whose document fails (11200)", async () => {
    const { sid } = await s.call("+442079462003", "/dial-broken");
    await s.fixture.waitForEnd(sid);
    const leg = dialed(sid)!;
    expect(leg).toMatchObject({ DialCallStatus: "completed", DialBridged: "false" });
    expect(await s.fixture.callLog(leg.DialCallSid!)).toContainEqual(expect.objectContaining({ kind: "error", detail: expect.objectContaining({ code: 11200 }) }));
  });
});

describe(`<Dial hangupOnStar> (${testDriver()})`, () => {
  it("hangs up on the callee when the caller presses *, and goes on to the Dial's action", async () => {
    await s.script("+442079462007", { answer: "answer", answerAfter: 1, hangupAfter: 600 });
    await s.script("+442079462008", { answer: "answer", answerAfter: 0, hangupAfter: 300 });
    const { sid } = await s.call("+442079462008", "/dial-star");
    // Keys are pressed once the two are talking, as a person would.
    for (let row = await getCall(s.sim, sid); !(row?.bridgedWith && row.gathering); row = await getCall(s.sim, sid)) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await pressDigits(s.sim, sid, "5")).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await pressDigits(s.sim, sid, "*")).toBe(true);
    await s.fixture.waitForEnd(sid);
    const leg = s.requestsTo("/dialed", sid)[0]!;
    expect(leg).toMatchObject({ DialCallStatus: "completed", DialBridged: "true", CallStatus: "in-progress" });
    // The callee's leg ended at the *, well before its own 600 s or the caller's 300 s.
    expect(Number(leg.DialCallDuration)).toBeLessThan(200);
    expect((await getCall(s.sim, leg.DialCallSid!))?.status).toBe("completed");
    const log = await s.fixture.callLog(sid);
    expect(log).toContainEqual(expect.objectContaining({ kind: "dial", message: `* pressed: hung up on ${leg.DialCallSid} (hangupOnStar)` }));
    // The 5 before it changed nothing.
    expect(log.filter((entry) => entry.kind === "dial" && entry.message.startsWith("* pressed"))).toHaveLength(1);
    expect(await said(sid)).toEqual(["Dial over."]);
  });

  it("without it, ignores * and keeps the two together", async () => {
    await s.script("+442079462007", { answer: "answer", answerAfter: 1, hangupAfter: 40 });
    await s.script("+442079462008", { answer: "answer", answerAfter: 0, digits: [{ after: 10, digits: "*" }], hangupAfter: 120 });
    const { sid } = await s.call("+442079462008", "/dial-no-star");
    await s.fixture.waitForEnd(sid);
    const leg = s.requestsTo("/dialed", sid)[0]!;
    expect(Number(leg.DialCallDuration)).toBeGreaterThanOrEqual(39);
    expect(await s.fixture.callLog(sid)).toContainEqual(expect.objectContaining({ kind: "digits", message: "Pressed *: lost, no <Gather> was listening" }));
  });
});

describe(`failures as Twilio reports them (${testDriver()})`, () => {
  it("tries the fallback URL when the first document is too slow for its #rt override, and says 11200", async () => {
    const created = await s.rest("POST", "/Calls.json", { To: "+442079462003", From: "+15005550006", Url: `${url}/slow#rt=300&rc=0`, FallbackUrl: `${url}/fallback` });
    const { sid } = (await created.json()) as { sid: string };
    await s.fixture.waitForEnd(sid);
    expect(await said(sid)).toEqual(["Fallback after 11200."]);
  });

  it("ends the call with the application error when there is no fallback", async () => {
    const { sid } = await s.call("+442079462003", "/slow#rt=300&rc=0");
    await s.fixture.waitForEnd(sid);
    expect(await said(sid)).toEqual(["We are sorry, an application error has occurred. Goodbye."]);
  });

  it("sends no ringing callback for a call that fails before it rings", async () => {
    await s.script("+442079462004", { answer: "fail" });
    const { sid } = await s.call("+442079462004", "/lost");
    expect((await s.fixture.waitForEnd(sid)).status).toBe("failed");
    const statuses = [...new Map(s.requestsTo("/status", sid).map((entry) => [entry.token, entry])).values()].map((entry) => entry.CallStatus).sort();
    expect(statuses).toEqual(["failed", "initiated"]);
  });

  it("gives a failed dial its ErrorCode and ErrorMessage", async () => {
    const { sid } = await s.call("+442079462003", "/dial-failing");
    await s.fixture.waitForEnd(sid);
    expect(dialedOf(sid)).toMatchObject({ DialCallStatus: "failed", DialBridged: "false", ErrorCode: "13227", ErrorMessage: expect.stringMatching(/international/) });
  });

  it("refuses a <Dial callerId> the account neither owns nor verified (13214)", async () => {
    const { sid } = await s.call("+442079462003", "/dial-spoofed");
    await s.fixture.waitForEnd(sid);
    expect(dialedOf(sid)).toMatchObject({ DialCallStatus: "failed", ErrorCode: "13214" });
    await expect(s.fixture.callLog(sid)).resolves.toContainEqual(expect.objectContaining({ kind: "error", detail: { code: 13214 } }));
  });
});

describe(`time limits (${testDriver()})`, () => {
  it("ends an answered call when its TimeLimit runs out", async () => {
    await s.script("+442079462006", { answer: "answer", answerAfter: 0 });
    const created = await s.rest("POST", "/Calls.json", { To: "+442079462006", From: "+15005550006", Url: `${url}/hold`, TimeLimit: "5" });
    const { sid } = (await created.json()) as { sid: string };
    const ended = await s.fixture.waitForEnd(sid);
    expect(ended.duration).toBeLessThan(20);
    expect(await s.fixture.callLog(sid)).toContainEqual(expect.objectContaining({ message: "The call reached its TimeLimit of 5 s and was ended" }));
  });

  it("ends a bridge when the Dial's timeLimit runs out", async () => {
    await s.script("+442079462005", { answer: "answer", answerAfter: 0, hangupAfter: 100 });
    const { sid } = await s.call("+442079462006", "/dial-limited");
    await s.fixture.waitForEnd(sid);
    const leg = dialedOf(sid)!;
    expect(leg).toMatchObject({ DialCallStatus: "completed", DialBridged: "true" });
    expect(Number(leg.DialCallDuration)).toBeLessThan(20);
  });
});

const dialedOf = (sid: string) => s.requestsTo("/dialed", sid)[0];
