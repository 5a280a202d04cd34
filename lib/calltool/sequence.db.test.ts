import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../db/testing";
import { getCall, pressDigits } from "../telephony/simulator/store";
import { twimlSchemaErrors } from "../telephony/testing/twiml-schema";
import type { CallToolConfig } from "./config";
import { loadCallTool, saveCallToolSettings, saveTargets } from "./service";
import { startCallFixture, TARGET_PHONE } from "./testing/call-fixture";

// Several targets in one call, pinned targets, and busy lines waited out, through the
// simulator (run again by CI with SIMULATOR_DISORDER=on). Keys are pressed on hearing a
// prompt, or once the dial they are about is live, as a person would.
let f: Awaited<ReturnType<typeof startCallFixture>>;
beforeAll(async () => {
  f = await startCallFixture({}, { speed: 10 });
});
afterAll(() => f.close());

const MENU = "Press 1 to be connected now. Press 2 to hear the message again.";
const PRIYA = "+442079460019";
const TOM = "+442079460020";
const ZED = "+442079460021";
const ADA = { name: "Ada Lovelace", title: "MP", phone: TARGET_PHONE, country: "GB", extension: "12" };

async function configure(targets: Record<string, unknown>[], settings: Partial<CallToolConfig>) {
  // Picking first, so neither save trips over the other's drill-down check.
  const before = (await loadCallTool(f.db, f.pluginId))!;
  await saveCallToolSettings(f.db, f.pluginId, before.plugin.version, { ...before.config, selectionMode: "pick", targetByAttributes: [] });
  const saved = await saveTargets(f.db, f.pluginId, (await loadCallTool(f.db, f.pluginId))!.plugin.version, targets);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const tool = (await loadCallTool(f.db, f.pluginId))!;
  await saveCallToolSettings(f.db, f.pluginId, tool.plugin.version, { ...tool.config, ...settings });
  return saved.targets;
}

/** The member presses * once they are talking to the target: their leg is bridged. */
async function pressStarWhenBridged(callId: string) {
  const sid = (await f.attempt(callId))!.callSid!;
  await f.until(() => getCall(f.fixture.sim, sid), (row) => !!row?.bridgedWith && row.gathering);
  expect(await pressDigits(f.fixture.sim, sid, "*")).toBe(true);
}

async function placed(member: string, targetId?: string) {
  const result = await f.place(member, "203.0.113.9", targetId ? { targetId } : {});
  if (!result.ok) throw new Error(`call refused: ${result.error}`);
  return result.callId;
}

/** Every TwiML document the app answered during this file's calls so far holds to Twilio's schema. */
async function expectValidTwiml() {
  for (const { step, body } of f.twiml) expect({ step, errors: await twimlSchemaErrors(body) }).toEqual({ step, errors: [] });
}

describe(`one call, several targets in turn (${testDriver()})`, { timeout: 90_000 }, () => {
  beforeAll(() =>
    configure(
      [
        { ...ADA, attributes: { region: "London" } },
        { name: "Zed North", phone: ZED, country: "GB", attributes: { region: "North" } },
        { name: "Priya Shah", phone: PRIYA, country: "GB", attributes: { region: "London" } },
        { name: "Tom Bell", phone: TOM, country: "GB", attributes: { region: "London" } },
      ],
      { selectionMode: "drilldown", targetByAttributes: ["region"], targetsPerCall: 3, busyRedial: { enabled: false, attempts: 3, delaySeconds: 30 } },
    ),
  );

  it("puts the member through to three targets with a bridge between them; * ends the second conversation and moves on", async () => {
    await f.script("+442079460601", { answer: "answer", answerAfter: 1 });
    await f.script(TARGET_PHONE, { answer: "answer", answerAfter: 2, hangupAfter: 20 });
    await f.script(PRIYA, { answer: "answer", answerAfter: 2, hangupAfter: 900 });
    await f.script(TOM, { answer: "answer", answerAfter: 4, hangupAfter: 15 });
    const callId = await placed("+442079460601");
    expect((await f.call(callId)).script.targets!.map((target) => target.name)).toEqual(["Ada Lovelace", "Priya Shah", "Tom Bell"]);
    await f.pressWhenHeard(callId, MENU, "1");

    await f.until(() => f.progress(callId), (progress) => progress.message.startsWith("1 of 3: talking to Ada Lovelace"));
    // Priya would talk for 15 minutes: the member presses * once they are through to her.
    const priya = await f.until(() => f.progress(callId), (progress) => progress.message.startsWith("2 of 3: talking to Priya Shah"));
    expect(priya).toMatchObject({ stage: "talking", done: false });
    await pressStarWhenBridged(callId);
    await f.until(() => f.progress(callId), (progress) => progress.message === "3 of 3: calling Tom Bell…" || progress.message.startsWith("3 of 3: talking"));

    const call = await f.finish(callId);
    expect(call.status).toBe("connected");
    const dials = await f.dials(callId);
    expect(dials).toMatchObject([
      { dial: 1, position: 1, targetName: "Ada Lovelace", dialCallStatus: "completed" },
      { dial: 2, position: 2, targetName: "Priya Shah", dialCallStatus: "completed" },
      { dial: 3, position: 3, targetName: "Tom Bell", dialCallStatus: "completed" },
    ]);
    expect(new Set(dials.map((dial) => dial.targetId)).size).toBe(3);
    expect(dials[1]!.duration).toBeLessThan(300);
    const spoken = await f.said(callId);
    expect(spoken.filter((text) => text.startsWith("Next, "))).toEqual(["Next, Priya Shah.", "Next, Tom Bell."]);
    expect(spoken.filter((text) => text.startsWith("We'll put you through"))).toEqual(["We'll put you through to 3 people in turn. Press star at any time to move on to the next."]);
    expect(spoken.at(-1)).toBe("Thank you for making the call. Goodbye.");
    expect(spoken.join(" ")).not.toContain("Zed North");
    expect(await f.fixture.callLog((await f.attempt(callId))!.callSid!)).toContainEqual(expect.objectContaining({ kind: "dial", message: expect.stringMatching(/^\* pressed: hung up on CA/) }));
    expect(await f.progress(callId)).toMatchObject({
      stage: "connected",
      done: true,
      connected: true,
      message: expect.stringMatching(/^You talked to Ada Lovelace, Priya Shah, and Tom Bell, (\d+ s|\d+ min) in all\. Thank you for calling!$/),
    });
    await expectValidTwiml();
  });

  it("moves on from a target who doesn't pick up once the member lets “press 1 to try again” pass", async () => {
    await f.script("+442079460602", { answer: "answer", answerAfter: 1 });
    await f.script(TARGET_PHONE, { answer: "busy" });
    await f.script(PRIYA, { answer: "answer", answerAfter: 1, hangupAfter: 10 });
    await f.script(TOM, { answer: "busy" });
    const callId = await placed("+442079460602");
    await f.pressWhenHeard(callId, MENU, "1");
    await f.finish(callId);
    const spoken = await f.said(callId);
    expect(spoken).toContain("Ada Lovelace's line is busy. Press 1 to try again, or hang up.");
    expect(spoken).toContain("We couldn't reach Ada Lovelace.");
    // Someone was reached, so the goodbye thanks the member, after saying who wasn't.
    expect(spoken.slice(-2)).toEqual(["We couldn't reach Tom Bell.", "Thank you for making the call. Goodbye."]);
    expect((await f.dials(callId)).map((dial) => [dial.targetName, dial.dialCallStatus])).toEqual([
      ["Ada Lovelace", "busy"],
      ["Priya Shah", "completed"],
      ["Tom Bell", "busy"],
    ]);
    expect(await f.progress(callId)).toMatchObject({ stage: "connected", message: expect.stringMatching(/^You talked to Priya Shah for/) });
    await expectValidTwiml();
  });
});

describe(`pinned targets (${testDriver()})`, { timeout: 90_000 }, () => {
  it("calls the targets pinned first and last around the member's choice, and a pinned target the member chose only once", async () => {
    const targets = await configure(
      [
        { name: "Last Lord", phone: ZED, country: "GB", pinned: "last" },
        { ...ADA },
        { name: "First Minister", phone: PRIYA, country: "GB", pinned: "first" },
        { name: "Tom Bell", phone: TOM, country: "GB" },
      ],
      { selectionMode: "pick", targetByAttributes: [], targetsPerCall: 1 },
    );
    for (const phone of [TARGET_PHONE, PRIYA, ZED, TOM]) await f.script(phone, { answer: "answer", answerAfter: 1, hangupAfter: 8 });
    await f.script("+442079460611", { answer: "answer", answerAfter: 1 });
    const callId = await placed("+442079460611", targets.find((target) => target.name === "Tom Bell")!.id);
    await f.pressWhenHeard(callId, MENU, "1");
    await f.finish(callId);
    expect((await f.dials(callId)).map((dial) => [dial.position, dial.targetName, dial.dialCallStatus])).toEqual([
      [1, "First Minister", "completed"],
      [2, "Tom Bell", "completed"],
      [3, "Last Lord", "completed"],
    ]);
    expect((await f.said(callId)).filter((text) => text.startsWith("Next, "))).toEqual(["Next, Tom Bell.", "Next, Last Lord."]);

    // The member picks the target pinned last: it is called once, at its pinned place.
    await f.script("+442079460612", { answer: "answer", answerAfter: 1 });
    const pinnedChoice = await placed("+442079460612", targets.find((target) => target.name === "Last Lord")!.id);
    expect((await f.call(pinnedChoice)).script.targets!.map((target) => target.name)).toEqual(["First Minister", "Last Lord"]);
    await f.pressWhenHeard(pinnedChoice, MENU, "1");
    await f.finish(pinnedChoice);
    expect((await f.dials(pinnedChoice)).map((dial) => dial.targetName)).toEqual(["First Minister", "Last Lord"]);
    await expectValidTwiml();
  });
});

// Calls here last a minute or more of simulated time: give them room on a busy machine.
describe(`waiting out a busy switchboard (${testDriver()})`, { timeout: 90_000 }, () => {
  const WAITING = "Ada Lovelace's line is busy. Stay on the line: we'll try again in 5 seconds. Press 1 to stop waiting.";

  beforeAll(() => configure([{ ...ADA }], { selectionMode: "pick", targetsPerCall: 1, busyRedial: { enabled: true, attempts: 5, delaySeconds: 5 } }));

  it("keeps the member on the line and redials the busy target until it answers, saying how far it got", async () => {
    await f.script("+442079460621", { answer: "answer", answerAfter: 1 });
    await f.script(TARGET_PHONE, { answer: "busy" });
    const callId = await placed("+442079460621");
    await f.pressWhenHeard(callId, MENU, "1");
    const first = await f.until(() => f.progress(callId), (progress) => progress.stage === "busy-waiting");
    expect(first.message).toBe("Ada Lovelace's line is busy: trying again (1 of 5). Press 1 on your phone to stop waiting.");
    await f.until(() => f.progress(callId), (progress) => progress.message.startsWith("Ada Lovelace's line is busy: trying again (2 of 5)"));
    // The switchboard frees up during the second wait.
    await f.until(() => f.dials(callId), (dials) => dials.length === 2 && dials[1]!.dialCallStatus === "busy");
    await f.script(TARGET_PHONE, { answer: "answer", answerAfter: 2, hangupAfter: 15 });
    await f.finish(callId);

    expect((await f.dials(callId)).map((dial) => [dial.dial, dial.redial, dial.dialCallStatus])).toEqual([
      [1, 0, "busy"],
      [2, 1, "busy"],
      [3, 2, "completed"],
    ]);
    const spoken = await f.said(callId);
    expect(spoken.filter((text) => text === WAITING)).toHaveLength(2);
    expect(spoken).not.toContain("Ada Lovelace's line is busy. Press 1 to try again, or hang up.");
    expect(spoken.at(-1)).toBe("Thank you for making the call. Goodbye.");
    expect(await f.progress(callId)).toMatchObject({ stage: "connected", connected: true });
    await expectValidTwiml();
  });

  it("lets the member stop waiting with 1, and thanks nobody", async () => {
    await f.script("+442079460622", { answer: "answer", answerAfter: 1 });
    await f.script(TARGET_PHONE, { answer: "busy" });
    const callId = await placed("+442079460622");
    await f.pressWhenHeard(callId, MENU, "1");
    await f.pressWhenHeard(callId, WAITING, "1");
    await f.finish(callId);
    const spoken = await f.said(callId);
    expect(spoken.at(-1)).toBe("We couldn't reach Ada Lovelace this time. Goodbye.");
    expect(spoken.join(" ")).not.toMatch(/thank you for making the call/i);
    const dials = await f.dials(callId);
    // No redial after the 1, and no "press 1 to try again" either: the member chose to stop.
    expect(dials.map((dial) => [dial.redial, dial.dialCallStatus])).toEqual([[0, "busy"]]);
    expect(spoken).not.toContain("Ada Lovelace's line is busy. Press 1 to try again, or hang up.");
    expect(await f.progress(callId)).toMatchObject({ stage: "target-busy", done: true, connected: false, message: "Ada Lovelace's line was busy, so you weren't put through." });
    await expectValidTwiml();
  });
});
