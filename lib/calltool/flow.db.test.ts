import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../db/testing";
import { callOutcome, describeOutcome } from "./call-state";
import { loadCallFacts, startCall } from "./calls";
import { NO_RECALL, startCallFixture, TARGET_PHONE } from "./testing/call-fixture";

let f: Awaited<ReturnType<typeof startCallFixture>>;
let connectedCallId = "";
beforeAll(async () => {
  // Ten simulated seconds a second: slow enough that a key pressed on hearing a prompt lands while its <Gather> listens.
  f = await startCallFixture(NO_RECALL, { speed: 10 });
});
afterAll(() => f.close());

const MESSAGE = "Thank you for taking action. In a moment we will connect you to the person you are calling.";
const MENU = "Press 1 to be connected now. Press 2 to hear the message again.";

const placed = async (member: string) => {
  const result = await f.place(member);
  if (!result.ok) throw new Error(`call refused: ${result.error}`);
  return result.callId;
};
const outcome = async (callId: string) => callOutcome((await loadCallFacts(f.db, callId))!.facts);

// Keys are pressed as a person presses them: on hearing a prompt (f.pressWhenHeard), never
// at a fixed time, so they land while a <Gather> listens, as on Twilio, where others are lost.
describe(`a member's call through the simulator (${testDriver()})`, () => {
  it("connects the member to the target when they press 1 in the menu, and records all three machines", async () => {
    await f.script("+442079460101", { answer: "answer", answerAfter: 2 });
    await f.script(TARGET_PHONE, { answer: "answer", answerAfter: 3, hangupAfter: 40 });
    const callId = await placed("+44 20 7946 0101");
    connectedCallId = callId;
    await f.pressWhenHeard(callId, MENU, "1");
    const call = await f.finish(callId);

    expect(call.status).toBe("connected");
    expect((await f.events(callId)).map((event) => event.callStatus)).toEqual(["initiated", "ringing", "in-progress", "completed"]);
    const attempt = (await f.attempt(callId))!;
    expect(attempt).toMatchObject({ placement: "placed", status: "completed", callSid: expect.stringMatching(/^CA/) });
    expect(attempt.duration).toBeGreaterThan(40);
    const [dial] = await f.dials(callId);
    expect(dial).toMatchObject({ dial: 1, attempt: 1, targetName: "Ada Lovelace", dialCallStatus: "completed", dialCallSid: expect.stringMatching(/^CA/) });
    expect(dial!.duration).toBeGreaterThanOrEqual(38);
    expect(dial!.answeredAt).toBeInstanceOf(Date);
    expect(describeOutcome(await outcome(callId))).toMatch(/^connected (\d+ s|1 min)$/);
    expect(await f.progress(callId)).toMatchObject({ stage: "connected", done: true, connected: true, message: expect.stringMatching(/^You talked to Ada Lovelace for (\d+ s|1 min)\. Thank you for calling!$/) });
    // The extension was dialled on the target's leg.
    expect(await f.fixture.callLog(dial!.dialCallSid!)).toContainEqual(expect.objectContaining({ kind: "digits", message: "Received tones 12" }));
  });

  it("asks Twilio for a time limit on the member's call and on the dial", async () => {
    const created = f.proxy.creations().at(-1)!.params;
    expect(created.get("TimeLimit")).toBe(String(30 * 60));
    expect(created.get("Timeout")).toBe("30");
    expect(created.get("StatusCallback")).toMatch(/\/events\?attempt=1#rc=3&rp=ct,rt,5xx$/);
    const response = await f.post(`/twilio/calls/${connectedCallId}/connect?attempt=1&dial=1`, { CallSid: "CA0", CallStatus: "in-progress" });
    expect(await response.text()).toMatch(/<Dial [^>]*timeLimit="1200"/);
  });

  it("replays the message when the member presses 2", async () => {
    await f.script("+442079460102", { answer: "answer", answerAfter: 1 });
    const callId = await placed("+442079460102");
    await f.pressWhenHeard(callId, MENU, "2");
    await f.finish(callId);
    const spoken = await f.said(callId);
    expect(spoken.slice(0, 3)).toEqual([MESSAGE, MENU, MESSAGE]);
    expect(spoken.filter((text) => text === MENU)).toHaveLength(4);
    expect(await outcome(callId)).toMatchObject({ code: "no-valid-choice", done: true });
  });

  it("takes a key pressed during the message as a skip to the menu, never as a choice", async () => {
    await f.script("+442079460106", { answer: "answer", answerAfter: 1 });
    const callId = await placed("+442079460106");
    await f.pressWhenHeard(callId, MESSAGE, "1");
    await f.until(() => f.said(callId), (spoken) => spoken.includes(MENU));
    await f.hangUp(callId);
    const call = await f.finish(callId);
    expect(call.status).toBe("started");
    expect(await f.dials(callId)).toEqual([]);
    expect(await f.said(callId)).toEqual([MESSAGE, MENU]);
    expect((await f.progress(callId)).message).toBe("You hung up before being put through.");
  });

  it("says goodbye after three rounds of silence, saying why, and records no valid choice", async () => {
    await f.script("+442079460103", { answer: "answer", answerAfter: 1 });
    const callId = await placed("+442079460103");
    const call = await f.finish(callId);
    expect(call.status).toBe("started");
    expect(call.menuRounds).toBe(3);
    const spoken = await f.said(callId);
    expect(spoken.filter((text) => text === MENU)).toHaveLength(3);
    expect(spoken.at(-1)).toBe("We didn't hear a choice, so we'll end the call here. Goodbye.");
    expect(await outcome(callId)).toMatchObject({ code: "no-valid-choice" });
    expect((await f.progress(callId)).message).toBe("We didn't get a valid choice on the phone, so the call ended.");
  });

  it("answers a wrong key with “that isn't an option”, and says so in the goodbye", async () => {
    await f.script("+442079460107", { answer: "answer", answerAfter: 1 });
    const callId = await placed("+442079460107");
    await f.pressWhenHeard(callId, MENU, "5");
    await f.finish(callId);
    const spoken = await f.said(callId);
    expect(spoken).toContain("That isn't an option.");
    expect(spoken.indexOf("That isn't an option.")).toBeGreaterThan(spoken.indexOf(MENU));
    expect(spoken.at(-1)).toBe("The keys you pressed aren't options, so we'll end the call here. Goodbye.");
    expect(await outcome(callId)).toMatchObject({ code: "no-valid-choice" });
  });

  it("tells a busy target from one who doesn't answer, and thanks nobody when the target wasn't reached", async () => {
    await f.script("+442079460104", { answer: "answer", answerAfter: 1 });
    await f.script(TARGET_PHONE, { answer: "busy" });
    const callId = await placed("+442079460104");
    await f.pressWhenHeard(callId, MENU, "1");
    await f.finish(callId);
    const spoken = await f.said(callId);
    expect(spoken).toContain("Ada Lovelace's line is busy. Press 1 to try again, or hang up.");
    expect(spoken.at(-1)).toBe("We couldn't reach Ada Lovelace this time. Goodbye.");
    expect(spoken.join(" ")).not.toMatch(/thank you for making the call/i);
    expect(await f.dials(callId)).toMatchObject([{ dial: 1, dialCallStatus: "busy" }]);
    expect(await f.progress(callId)).toMatchObject({ stage: "target-busy", done: true, connected: false, followUpUrl: null, message: "Ada Lovelace's line was busy, so you weren't put through." });
  });

  it("keeps each dial's result on its own row: the retried dial's answer is not the first one's no-answer", async () => {
    // The target's phone rings unanswered the first time (no-answer after the Dial's 30 s); the second time it answers.
    await f.script(TARGET_PHONE, { answer: "no-answer" });
    await f.script("+442079460108", { answer: "answer", answerAfter: 1 });
    const callId = await placed("+442079460108");
    await f.pressWhenHeard(callId, MENU, "1");
    await f.until(() => f.dials(callId), (dials) => dials[0]?.dialCallStatus === "no-answer");
    expect(await f.progress(callId)).toMatchObject({ stage: "retry-offered", message: "Ada Lovelace didn't pick up. Press 1 on your phone to try again." });
    await f.script(TARGET_PHONE, { answer: "answer", answerAfter: 2, hangupAfter: 12 });
    await f.pressWhenHeard(callId, "Ada Lovelace didn't pick up. Press 1 to try again, or hang up.", "1");
    await f.until(() => f.progress(callId), (progress) => progress.stage !== "retry-offered");
    expect((await f.progress(callId)).message).toMatch(/^Connecting you to Ada Lovelace…$|^Connected to Ada Lovelace\. Thank you for speaking up!$/);
    await f.until(() => f.progress(callId), (progress) => progress.stage === "talking" || progress.done);
    await f.finish(callId);
    const dials = await f.dials(callId);
    expect(dials).toMatchObject([
      { dial: 1, dialCallStatus: "no-answer" },
      { dial: 2, dialCallStatus: "completed" },
    ]);
    expect(dials[1]!.dialCallSid).not.toBe(dials[0]!.dialCallSid);
    expect(await f.progress(callId)).toMatchObject({ stage: "connected", connected: true });
    expect(await f.said(callId)).toContain("Ada Lovelace didn't pick up. Press 1 to try again, or hang up.");
  });

  it("records a member who never answers", async () => {
    await f.script("+442079460105", { answer: "no-answer" });
    const callId = await placed("+442079460105");
    const call = await f.finish(callId);
    expect(call.status).toBe("unstarted");
    expect((await f.events(callId)).map((event) => event.callStatus)).toEqual(["initiated", "ringing", "no-answer"]);
    expect(describeOutcome(await outcome(callId))).toBe("member didn't answer");
    expect(await f.progress(callId)).toMatchObject({ stage: "member-no-answer", done: true, message: "You didn't answer, so the call has ended." });
  });

  it("never moves a call's status back", async () => {
    const call = await f.call(connectedCallId);
    expect(call.status).toBe("connected");
    const again = await startCall(f.db, call.id, 1, (await f.attempt(call.id))!.callSid!);
    expect(again!.status).toBe("connected");
  });
});
