import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../../db/testing";
import { startScenario, type Scenario } from "../testing/scenario";
import { getCall } from "./store";

let s: Scenario;
let url = "";
beforeAll(async () => {
  s = await startScenario();
  url = s.fixture.url;
  s.twiml("/start", (r) => r.say("This is a message for you, please call us back."));
  s.twiml("/hold", (r) => {
    r.say("Hello.");
    r.pause({ length: 8 });
  });
  s.callback("/status");
  s.callback("/amd");
});
afterAll(() => s.close());

/** The call's log, as kinds and messages in order. */
const story = async (sid: string) => (await s.fixture.callLog(sid)).map((entry) => `${entry.kind}: ${entry.message}`);
const before = (lines: string[], first: RegExp, second: RegExp) => lines.findIndex((line) => first.test(line)) < lines.findIndex((line) => second.test(line));

describe(`answering-machine detection (${testDriver()})`, () => {
  it("with Enable, holds the first request until it hears a machine start, and says so", async () => {
    await s.script("+442079464001", { answer: "voicemail", answerAfter: 1, greetingSeconds: 8 });
    const { sid } = await s.call("+442079464001", "/start", { machineDetection: "Enable" });
    await s.fixture.waitForEnd(sid);
    const [first] = s.requestsTo("/start", sid);
    expect(first).toMatchObject({ AnsweredBy: "machine_start" });
    expect(Number(first!.MachineDetectionDuration)).toBeGreaterThanOrEqual(3500);
    expect(Number(first!.MachineDetectionDuration)).toBeLessThanOrEqual(5000);
    const lines = await story(sid);
    expect(before(lines, /^event: Answering-machine detection: machine_start/, /^request: POST .*\/start/)).toBe(true);
    expect((await (await s.rest("GET", `/Calls/${sid}.json`)).json()).answered_by).toBe("machine_start");
    // The completed callback carries the verdict too.
    expect(s.requestsTo("/status", sid).find((entry) => entry.CallStatus === "completed")).toMatchObject({ AnsweredBy: "machine_start" });
  });

  it("with DetectMessageEnd, waits for the beep after the whole greeting; the voicemail records nothing", async () => {
    await s.script("+442079464002", { answer: "voicemail", answerAfter: 0, greetingSeconds: 6 });
    const { sid } = await s.call("+442079464002", "/start", { machineDetection: "DetectMessageEnd" });
    await s.fixture.waitForEnd(sid);
    const [first] = s.requestsTo("/start", sid);
    expect(first).toMatchObject({ AnsweredBy: "machine_end_beep" });
    expect(Number(first!.MachineDetectionDuration)).toBeGreaterThanOrEqual(6000);
    const lines = await story(sid);
    expect(lines).toContain("event: Voicemail answered: a 6 s greeting plays");
    expect(lines.filter((line) => line.startsWith("digits:"))).toEqual([]);
  });

  it("tells a person from a machine", async () => {
    await s.script("+442079464003", { answer: "answer", answerAfter: 0, hangupAfter: 10 });
    const { sid } = await s.call("+442079464003", "/start", { machineDetection: "Enable" });
    await s.fixture.waitForEnd(sid);
    const [first] = s.requestsTo("/start", sid);
    expect(first).toMatchObject({ AnsweredBy: "human" });
    expect(Number(first!.MachineDetectionDuration)).toBeGreaterThanOrEqual(2000);
  });

  it("with AsyncAmd, starts the TwiML at once and posts the verdict to AsyncAmdStatusCallback", async () => {
    await s.script("+442079464004", { answer: "voicemail", answerAfter: 0, greetingSeconds: 10 });
    const created = await s.rest("POST", "/Calls.json", {
      To: "+442079464004",
      From: "+15005550006",
      Url: `${url}/hold`,
      MachineDetection: "Enable",
      AsyncAmd: "true",
      AsyncAmdStatusCallback: `${url}/amd`,
    });
    const { sid } = (await created.json()) as { sid: string };
    await s.fixture.waitForEnd(sid);
    expect(s.requestsTo("/hold", sid)[0]).not.toHaveProperty("AnsweredBy");
    const lines = await story(sid);
    expect(before(lines, /^request: POST .*\/hold/, /^event: Answering-machine detection/)).toBe(true);
    expect([...new Map(s.requestsTo("/amd", sid).map((entry) => [entry.token, entry])).values()]).toEqual([expect.objectContaining({ CallSid: sid, AnsweredBy: "machine_start", MachineDetectionDuration: expect.stringMatching(/^\d+$/) })]);
    expect((await getCall(s.sim, sid))?.answeredBy).toBe("machine_start");
  });

  it("refuses a MachineDetection value Twilio does not know", async () => {
    const refused = await s.rest("POST", "/Calls.json", { To: "+442079464005", From: "+15005550006", Url: `${url}/start`, MachineDetection: "Maybe" });
    expect(refused.status).toBe(400);
  });
});
