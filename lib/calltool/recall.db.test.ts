import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as stopRoute from "@/app/api/calls/[id]/stop/route";
import { selectRows } from "../db/client";
import { testDriver } from "../db/testing";
import { jobQueue } from "../jobs";
import { runDueJobs } from "../jobs/testing";
import { guessTimeZones } from "../recall/time-zone";
import { simCalls } from "../telephony/simulator/schema";
import { callOutcome, describeOutcome } from "./call-state";
import { loadCallFacts } from "./calls";
import { callToolRecallSchema } from "./config";
import type { MemberProgress } from "./progress";
import { startCallFixture, TARGET_PHONE } from "./testing/call-fixture";

// Recalls through the simulator, its callbacks shuffled, late and doubled (disorder on), ten
// simulated seconds a second. A recall's delay is minutes: a test lets that time pass by
// running the due recall jobs early (runDueJobs with ignoreStartAfter), as a worker would.
let f: Awaited<ReturnType<typeof startCallFixture>>;
beforeAll(async () => {
  f = await startCallFixture({ allowedCountries: ["GB", "JP", "AU", "US", "NZ", "BR", "IN"] }, { speed: 10, disorder: true });
  // pg-boss creates its tables as it starts: before the first recall is queued, so tests can look at them.
  await jobQueue();
});
afterAll(() => f.close());

const MENU = "Press 1 to be connected now. Press 2 to hear the message again.";
const MESSAGE = "Thank you for taking action. In a moment we will connect you to the person you are calling.";
const RECALL_INTRO = "We're calling you back, as you asked us to call you. Press 9 at any time if you don't want us to call again.";
const DEFAULT_RECALL = callToolRecallSchema.parse({});

const placed = async (member: string) => {
  const result = await f.place(member);
  if (!result.ok) throw new Error(`call refused: ${result.error}`);
  return result.callId;
};
/** The simulator's calls to the member: what Twilio would bill, whatever the app believes. */
const simulatedCallsTo = async (member: string) => (await f.db.select().from(simCalls).where(and(eq(simCalls.to, member), eq(simCalls.direction, "outbound-api")))).length;
/** Its job in pg-boss's table: the recall is queued once the request that scheduled it has sent it. */
const jobsFor = async (callId: string, n: number) => {
  const rows = await selectRows<{ n: number }>(f.db, sql`select count(*)::int as n from pgboss.job where name = 'calls.recall' and data->>'callId' = ${callId} and (data->>'attempt')::int = ${n}`);
  return rows[0]?.n ?? 0;
};
/** Attempt n exists; a recall's job has been queued too. */
const attemptExists = async (callId: string, n: number) => {
  const row = (await f.until(() => f.attempt(callId, n), (found) => found !== undefined))!;
  if (n > 1 && row.placement === "waiting") await f.until(() => jobsFor(callId, n), (count) => count > 0);
  return row;
};
const attemptEnded = (callId: string, n: number) => f.until(() => f.attempt(callId, n), (row) => !!row?.endedAt && !!row.status);
const callEnded = (callId: string) => f.until(() => f.call(callId), (row) => row.endedAt !== null);
/** Lets the recall's delay pass: runs the recall jobs queued, due or not. Answers how many ran. */
const letTimePass = () => runDueJobs("calls.recall", { ignoreStartAfter: true });
const outcome = async (callId: string) => callOutcome((await loadCallFacts(f.db, callId))!.facts);

describe(`recalling a member who doesn't answer (${testDriver()}, disorderly simulator)`, () => {
  it("busy, recall, no answer, recall, answered: three attempts, and the member is connected", async () => {
    const member = "+442079460801";
    await f.script(member, { answer: "busy" });
    const callId = await placed(member);

    const second = await attemptExists(callId, 2);
    const first = (await f.attempt(callId, 1))!;
    expect(first).toMatchObject({ status: "busy", placement: "placed" });
    expect(second.placement).toBe("waiting");
    // Two minutes after the busy line at the earliest (later at night: quiet hours).
    expect(second.scheduledAt.getTime()).toBeGreaterThanOrEqual(first.endedAt!.getTime() + 2 * 60_000 - 1000);
    expect((await f.call(callId)).endedAt).toBeNull();
    const waiting = await f.progress(callId);
    expect(waiting).toMatchObject({ stage: "recall-waiting", done: false, canStop: true, recall: { attempt: 2, of: 3 } });
    expect(waiting.message).toMatch(/^We couldn't reach you\. We'll call you again in \d+:\d\d(:\d\d)?, attempt 2 of 3\.$/);

    await f.script(member, { answer: "no-answer" });
    expect(await letTimePass()).toBe(1);
    await attemptExists(callId, 3);
    expect(await f.attempt(callId, 2)).toMatchObject({ status: "no-answer", placement: "placed" });
    expect((await f.progress(callId)).recall).toMatchObject({ attempt: 3, of: 3 });

    await f.script(member, { answer: "answer", answerAfter: 1 });
    await f.script(TARGET_PHONE, { answer: "answer", answerAfter: 1, hangupAfter: 5 });
    expect(await letTimePass()).toBe(1);
    await f.pressWhenHeard(callId, MENU, "1");
    const call = await callEnded(callId);
    await attemptEnded(callId, 3);

    expect(call.status).toBe("connected");
    expect((await f.attempts(callId)).map((row) => [row.attempt, row.status])).toEqual([
      [1, "busy"],
      [2, "no-answer"],
      [3, "completed"],
    ]);
    expect(await simulatedCallsTo(member)).toBe(3);
    expect(describeOutcome(await outcome(callId))).toMatch(/^connected \d+ s \(call 3 of 3\)$/);
    expect((await f.said(callId)).slice(0, 2)).toEqual([RECALL_INTRO, MESSAGE]);
    // A member who answered is never recalled.
    expect(await letTimePass()).toBe(0);
  });

  it("three unanswered attempts end the call, with no fourth", async () => {
    const member = "+442079460802";
    await f.script(member, { answer: "no-answer" });
    const callId = await placed(member);
    await attemptExists(callId, 2);
    expect(await letTimePass()).toBe(1);
    await attemptExists(callId, 3);
    expect((await f.call(callId)).endedAt).toBeNull();
    expect(await letTimePass()).toBe(1);
    const call = await callEnded(callId);
    await attemptEnded(callId, 3);

    // Let any late or doubled callback land, and any stray job run: still three.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await letTimePass()).toBe(0);
    expect(await f.attempts(callId)).toHaveLength(3);
    expect(await simulatedCallsTo(member)).toBe(3);
    expect(call.endedAt!.getTime()).toBeGreaterThanOrEqual((await f.attempt(callId, 3))!.endedAt!.getTime());
    expect(describeOutcome(await outcome(callId))).toBe("member didn't answer (call 3 of 3)");
    expect(await f.progress(callId)).toMatchObject({ stage: "member-no-answer", done: true, canStop: false, recall: null });
  });

  it("hangs up on an answering machine without the message, counts it as no answer, and recalls", async () => {
    await f.configure({ recall: { ...DEFAULT_RECALL, machineDetection: true } });
    const member = "+442079460803";
    await f.script(member, { answer: "voicemail", answerAfter: 1, greetingSeconds: 4 });
    try {
      const callId = await placed(member);
      await attemptExists(callId, 2);
      const first = (await attemptEnded(callId, 1))!;
      expect(first.answeredBy).toMatch(/^machine/);
      expect(f.proxy.creations().at(-1)!.params.get("MachineDetection")).toBe("Enable");
      expect(await f.said(callId)).toEqual([]);
      const call = await f.call(callId);
      expect(call).toMatchObject({ status: "unstarted", endedAt: null });
      expect(await f.progress(callId)).toMatchObject({ stage: "recall-waiting", recall: { attempt: 2, of: 3 } });
      await f.script(member, { answer: "busy" });
      expect(await letTimePass()).toBe(1);
      await attemptExists(callId, 3);
    } finally {
      await f.configure({ recall: DEFAULT_RECALL });
    }
  });

  it("“Stop calling me” cancels the pending recall: it is never placed, and the call ends", async () => {
    const member = "+442079460804";
    await f.script(member, { answer: "no-answer" });
    const callId = await placed(member);
    await attemptExists(callId, 2);

    const response = await stopRoute.POST(new Request(`${f.fixture.url}/api/calls/${callId}/stop`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }), {
      params: Promise.resolve({ id: callId }),
    });
    expect(response.status).toBe(200);
    const progress = (await response.json()) as MemberProgress;
    expect(progress).toMatchObject({ stage: "member-no-answer", done: true, canStop: false, message: "You didn't answer, so the call has ended. We won't call you again." });
    expect(await f.attempt(callId, 2)).toMatchObject({ placement: "canceled" });
    expect((await f.call(callId)).recallsStoppedAt).toBeInstanceOf(Date);
    expect((await f.call(callId)).endedAt).toBeInstanceOf(Date);
    // Filed at once for the log, the statistics and the CRM, as a final status callback would have it.
    await runDueJobs("calls.settle");
    expect((await f.call(callId)).outcome).toBe("member-no-answer");

    await letTimePass();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await simulatedCallsTo(member)).toBe(1);
    expect(await f.attempt(callId, 2)).toMatchObject({ placement: "canceled", callSid: null });
  });

  it("pressing 9 during a recall's message stops the recalls, and the phone says so", async () => {
    const member = "+442079460805";
    await f.script(member, { answer: "no-answer" });
    const callId = await placed(member);
    await attemptExists(callId, 2);
    await f.script(member, { answer: "answer", answerAfter: 1 });
    expect(await letTimePass()).toBe(1);
    await f.pressWhenHeard(callId, RECALL_INTRO, "9");
    await callEnded(callId);
    await attemptEnded(callId, 2);
    const spoken = await f.said(callId);
    expect(spoken.at(-1)).toBe("We won't call you again. Goodbye.");
    expect(spoken).not.toContain(MENU);
    expect((await f.call(callId)).recallsStoppedAt).toBeInstanceOf(Date);
    expect(await letTimePass()).toBe(0);
    expect(await f.attempts(callId)).toHaveLength(2);
  });

  it("a duplicated or late terminal callback schedules one recall, not two", async () => {
    const member = "+442079460806";
    await f.script(member, { answer: "no-answer" });
    // This call's own callbacks are lost on the way; the test delivers its last word itself, several times at once.
    let lost = "";
    const fromSimulator = (request: Request) => !request.headers.has("x-delivered-by-test");
    f.intercept((step, request) => (step === "events" && lost && request.url.includes(lost) && fromSimulator(request) ? new Response(null, { status: 204 }) : undefined));
    try {
      const callId = await placed(member);
      lost = callId;
      const first = await f.until(() => f.attempt(callId, 1), (row) => !!row?.callSid);
      await f.fixture.waitForEnd(first!.callSid!);
      const terminal = (sequence: string, token: string, attempt = 1, callSid = first!.callSid!) =>
        f.post(`/twilio/calls/${callId}/events?attempt=${attempt}`, { CallSid: callSid, CallStatus: "no-answer", SequenceNumber: sequence, Direction: "outbound-api" }, { "I-Twilio-Idempotency-Token": token, "X-Delivered-By-Test": "1" });
      await f.post(`/twilio/calls/${callId}/events?attempt=1`, { CallSid: first!.callSid!, CallStatus: "ringing", SequenceNumber: "1", Direction: "outbound-api" }, { "X-Delivered-By-Test": "1" });
      // Twilio's retry of the same callback, a second copy with another token, and later sequence numbers, all at once.
      const answers = await Promise.all([terminal("3", "a"), terminal("3", "a"), terminal("3", "b"), terminal("7", "c"), terminal("8", "d"), terminal("3", "e")]);
      expect(answers.every((answer) => answer.ok)).toBe(true);
      expect(await f.attempts(callId)).toHaveLength(2);
      expect(await jobsFor(callId, 2)).toBe(1);
      lost = "";

      // The recall is placed once; a late copy of attempt 1's last word after attempt 2 is under way changes nothing.
      expect(await letTimePass()).toBe(1);
      await attemptExists(callId, 3);
      await terminal("9", "f");
      expect(await f.attempts(callId)).toHaveLength(3);
      expect(await jobsFor(callId, 3)).toBe(1);
      expect(await f.attempt(callId, 2)).toMatchObject({ status: "no-answer" });
      expect(await letTimePass()).toBe(1);
      await callEnded(callId);
      await terminal("10", "g");
      expect(await f.attempts(callId)).toHaveLength(3);
      expect(await simulatedCallsTo(member)).toBe(3);
    } finally {
      f.intercept(null);
    }
  });
});

/** A member number from the candidates whose zone is in quiet hours now, with at least `hours` to go before 08:00 there. */
async function numberAtNight(hours: number): Promise<{ number: string; zone: string }> {
  const candidates = ["+81312345678", "+61293744000", "+12127365000", "+6494567890", "+551123456789", "+911123456789", "+442079460899"];
  for (const number of candidates) {
    const zones = await guessTimeZones(number);
    if (zones.length !== 1) continue;
    const local = new Intl.DateTimeFormat("en-GB", { timeZone: zones[0], hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date());
    const [hour, minute] = local.split(":").map(Number) as [number, number];
    const minutes = hour * 60 + minute;
    const untilMorning = (8 * 60 - minutes + 24 * 60) % (24 * 60);
    if ((minutes >= 21 * 60 + 5 || minutes < 8 * 60) && untilMorning >= hours * 60 + 10) return { number, zone: zones[0]! };
  }
  throw new Error("no candidate number is at night now");
}

describe(`quiet hours (${testDriver()}, disorderly simulator)`, () => {
  it("postpone a recall to 08:00 in the member's time zone", async () => {
    const { number, zone } = await numberAtNight(0.5);
    await f.script(number, { answer: "no-answer" });
    const callId = await placed(number);
    const second = await attemptExists(callId, 2);
    const local = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(second.scheduledAt);
    expect(local).toBe("08:00");
    expect(second.scheduledAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    // Not due yet: no worker would place it now.
    expect(await runDueJobs("calls.recall")).toBe(0);
    expect((await f.progress(callId)).message).toMatch(/We'll call you again in \d+:\d\d:\d\d, attempt 2 of 3/);
  });

  it("give up when the morning is further off than the policy's age allows", async () => {
    await f.configure({ recall: { ...DEFAULT_RECALL, maxAgeHours: 1 } });
    try {
      const { number } = await numberAtNight(1.5);
      const member = number.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
      await f.script(member, { answer: "no-answer" });
      const callId = await placed(member);
      await callEnded(callId);
      expect(await f.attempts(callId)).toHaveLength(1);
      expect(await outcome(callId)).toMatchObject({ code: "member-no-answer", done: true });
    } finally {
      await f.configure({ recall: DEFAULT_RECALL });
    }
  });
});
