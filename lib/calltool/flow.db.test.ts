import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../db/testing";
import { callOutcome, describeOutcome, memberLegStatus } from "./call-state";
import { callEvents } from "./call-schema";
import { callWithEvents, startCall } from "./calls";
import { memberProgress } from "./progress";
import { startCallFixture, TARGET_PHONE } from "./testing/call-fixture";

let f: Awaited<ReturnType<typeof startCallFixture>>;
let connectedCallId = "";
beforeAll(async () => {
  f = await startCallFixture();
});
afterAll(() => f.close());

const placed = async (member: string) => {
  const result = await f.place(member);
  if (!result.ok) throw new Error(`call refused: ${result.error}`);
  return result.callId;
};
const eventStatuses = async (callId: string) =>
  (await f.db.select().from(callEvents).where(eq(callEvents.callId, callId)).orderBy(asc(callEvents.sequenceNumber))).map((event) => event.callStatus);
const said = async (callId: string) => {
  const call = (await callWithEvents(f.db, callId))!.call;
  return (await f.fixture.callLog(call.twilioCallSid!)).filter((entry) => entry.kind === "say").map((entry) => entry.message);
};

describe(`a member's call through the simulator (${testDriver()})`, () => {
  it("connects the member to the target when they press 1, and records all three machines", async () => {
    await f.script("+442079460101", { answer: "answer", answerAfter: 2, digits: [{ after: 1, digits: "1", onPrompt: true }] });
    await f.script(TARGET_PHONE, { answer: "answer", answerAfter: 3, hangupAfter: 40 });
    const callId = await placed("+44 20 7946 0101");
    connectedCallId = callId;
    const call = await f.finish(callId);

    expect(call.status).toBe("connected");
    expect(await eventStatuses(callId)).toEqual(["initiated", "ringing", "in-progress", "completed"]);
    expect(call.targetCallInfo).toMatchObject({ DialCallStatus: "completed", DialBridged: "true", DialCallSid: expect.stringMatching(/^CA/) });
    expect(Number(call.targetCallInfo.DialCallDuration)).toBeGreaterThanOrEqual(38);
    expect(call.targetCallInfo.answeredAt).toEqual(expect.any(String));
    const { events } = (await callWithEvents(f.db, callId))!;
    expect(describeOutcome(callOutcome(call, memberLegStatus(events, call.createdAt)))).toMatch(/^connected \d+ s|connected 1 min$/);
    expect(memberProgress(call, events)).toMatchObject({ stage: "ended", done: true, message: expect.stringMatching(/^Call ended \(/) });
    // The extension was dialled on the target's leg.
    const leg = await f.fixture.callLog(String(call.targetCallInfo.DialCallSid));
    expect(leg).toContainEqual(expect.objectContaining({ kind: "digits", message: "Received tones 12" }));
  });

  it("replays the message when the member presses 2", async () => {
    await f.script("+442079460102", { answer: "answer", answerAfter: 1, digits: [{ after: 2, digits: "2", onPrompt: true }, { after: 1, digits: "1", onPrompt: true }], hangupAfter: 12 });
    await f.script(TARGET_PHONE, { answer: "busy" });
    const callId = await placed("+442079460102");
    await f.finish(callId);
    const message = "Thank you for taking action. In a moment we will connect you to the person you are calling.";
    expect((await said(callId)).filter((text) => text === message)).toHaveLength(2);
  });

  it("says goodbye and hangs up after three rounds without a choice", async () => {
    await f.script("+442079460103", { answer: "answer", answerAfter: 1 });
    const callId = await placed("+442079460103");
    const call = await f.finish(callId);
    expect(call.status).toBe("started");
    expect(call.menuRounds).toBe(4);
    const menu = "Press 1 to be connected now. Press 2 to hear the message again.";
    const spoken = await said(callId);
    expect(spoken.filter((text) => text === menu)).toHaveLength(3);
    expect(spoken.at(-1)).toBe("We didn't get a choice. Goodbye, and thank you.");
    const { events } = (await callWithEvents(f.db, callId))!;
    expect(callOutcome(call, memberLegStatus(events, call.createdAt))).toEqual({ code: "member-hung-up-during-message" });
  });

  it("offers to try a busy target again, once", async () => {
    await f.script("+442079460104", { answer: "answer", answerAfter: 1, digits: [{ after: 2, digits: "1", onPrompt: true }] });
    await f.script(TARGET_PHONE, { answer: "busy" });
    const callId = await placed("+442079460104");
    const call = await f.finish(callId);
    expect(call.targetCallInfo).toMatchObject({ DialCallStatus: "busy" });
    expect(await said(callId)).toContain("Ada Lovelace didn't pick up. Press 1 to try again, or hang up.");
    const { events } = (await callWithEvents(f.db, callId))!;
    expect(callOutcome(call, memberLegStatus(events, call.createdAt))).toEqual({ code: "target-busy" });
  });

  it("records a member who never answers", async () => {
    await f.script("+442079460105", { answer: "no-answer" });
    const callId = await placed("+442079460105");
    const call = await f.finish(callId);
    expect(call.status).toBe("unstarted");
    expect(await eventStatuses(callId)).toEqual(["initiated", "ringing", "no-answer"]);
    const { events } = (await callWithEvents(f.db, callId))!;
    expect(describeOutcome(callOutcome(call, memberLegStatus(events, call.createdAt)))).toBe("member didn't answer");
    expect(memberProgress(call, events)).toMatchObject({ stage: "ended", message: "You didn't answer, so the call has ended." });
  });

  it("never moves a call's status back", async () => {
    const { call } = (await callWithEvents(f.db, connectedCallId))!;
    expect(call.status).toBe("connected");
    const again = await startCall(f.db, call.id, call.twilioCallSid!);
    expect(again!.status).toBe("connected");
  });
});
