import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDriver } from "../../db/testing";
import { startScenario, type Scenario, type Seen } from "../testing/scenario";
import { accepted } from "../webhook";
import { callbackPlan } from "./disorder";
import { newSid } from "./ids";

let s: Scenario;
beforeAll(async () => {
  s = await startScenario({ disorder: false, seed: "disorder-test" });
  s.twiml("/start", (r) => r.say("Hello."));
  s.callback("/status");
  s.callback("/slow-status", async (params) => {
    if (params.CallStatus === "initiated") await new Promise((resolve) => setTimeout(resolve, 1000));
    return accepted();
  });
});
afterAll(() => s.close());

const callbacksOf = (sid: string) => s.requestsTo("/status", sid);
const bySequence = (a: Seen, b: Seen) => Number(a.SequenceNumber) - Number(b.SequenceNumber);

describe(`status callbacks as Twilio sends them (${testDriver()})`, () => {
  it("sends each callback without waiting for the one before", async () => {
    await s.script("+442079461001", { answer: "answer", answerAfter: 0 });
    const { sid } = await s.call("+442079461001", "/start", { statusCallback: `${s.fixture.url}/slow-status` });
    await s.fixture.waitForEnd(sid);
    const initiated = s.requestsTo("/slow-status", sid).find((entry) => entry.CallStatus === "initiated")!;
    const start = s.requestsTo("/start", sid)[0]!;
    // The app took a second over "initiated"; the call rang, was answered and asked for its TwiML meanwhile.
    expect(Number(start.at)).toBeLessThan(Number(initiated.at));
  });

  it("with disorder, shuffles callbacks, holds some past the next TwiML request and repeats some with the same token", async () => {
    s.sim.disorder = true;
    const sids: string[] = [];
    try {
      for (let i = 0; i < 6; i++) {
        const number = `+44207946110${i}`;
        // Long enough (half a second of real time) that a loaded machine still asks for /start before the hang-up.
        await s.script(number, { answer: "answer", answerAfter: 0.5, hangupAfter: 20 });
        sids.push((await s.call(number, "/start")).sid);
      }
      for (const sid of sids) await s.fixture.waitForEnd(sid);
    } finally {
      s.sim.disorder = false;
    }
    let shuffled = 0;
    let late = 0;
    let repeated = 0;
    for (const sid of sids) {
      const arrived = callbacksOf(sid);
      const unique = [...new Map(arrived.map((entry) => [entry.token, entry])).values()];
      // Every event arrives, each with its own token; repeats are the same request again.
      expect(unique.toSorted(bySequence).map((entry) => entry.CallStatus)).toEqual(["initiated", "ringing", "in-progress", "completed"]);
      for (const entry of arrived) expect(entry).toEqual({ ...unique.find((first) => first.token === entry.token)!, at: entry.at });
      repeated += arrived.length - unique.length;
      if (unique.some((entry, index) => index > 0 && bySequence(entry, unique[index - 1]!) < 0)) shuffled++;
      const start = Number(s.requestsTo("/start", sid)[0]!.at);
      if (unique.some((entry) => entry.CallStatus !== "completed" && Number(entry.at) > start)) late++;
    }
    expect(shuffled).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(0);
    expect(repeated).toBeGreaterThan(0);
  });

  it("can be disorderly for one number on the virtual phone, whatever the setting", async () => {
    const sids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const number = `+44207946112${i}`;
      await s.script(number, { answer: "busy", disorder: true });
      sids.push((await s.call(number, "/start")).sid);
    }
    for (const sid of sids) await s.fixture.waitForEnd(sid);
    const arrived = sids.flatMap(callbacksOf);
    expect(new Set(arrived.map((entry) => entry.token)).size).toBeLessThan(arrived.length);
  });
});

describe(`disorder replays under a seed (${testDriver()})`, () => {
  it("decides each callback's fate from the seed, the call and the event alone", () => {
    const plan = (seed: string, sid: string, event: string) => callbackPlan({ seed }, true, sid, event);
    expect(plan("a", "CA1", "answered")).toEqual(plan("a", "CA1", "answered"));
    const events = ["initiated", "ringing", "answered", "completed"];
    const sids = ["CA1", "CA2", "CA3", "CA4"];
    const fates = (seed: string) => JSON.stringify(sids.flatMap((sid) => events.map((event) => plan(seed, sid, event))));
    expect(fates("a")).not.toEqual(fates("b"));
    expect(callbackPlan({ seed: "a" }, false, "CA1", "answered")).toEqual({ delayMs: 0, afterNextRequest: false, repeatAfterMs: null });
  });

  it("gives the same SIDs to the same calls in a fresh database with the same seed", async () => {
    const sidsFor = async (seed: string) => {
      const database = await createTestDatabase();
      try {
        const sim = { ...s.sim, db: database.db, seed };
        return [await newSid(sim, "CA"), await newSid(sim, "CA"), await newSid(sim, "CA", "CAparent")];
      } finally {
        await database.dispose();
      }
    };
    const first = await sidsFor("replay");
    expect(first[0]).toMatch(/^CA[0-9a-f]{32}$/);
    expect(new Set(first).size).toBe(3);
    expect(await sidsFor("replay")).toEqual(first);
  });
});
