import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addToBlocklist } from "../blocklist/service";
import { testDriver } from "../db/testing";
import { twimlSchemaErrors } from "../telephony/testing/twiml-schema";
import { callOutcome } from "./call-state";
import { loadCallFacts } from "./calls";
import { importPostcodeTable } from "./postcode-service";
import { loadCallTool } from "./service";
import { startDialInFixture, TARGETS } from "./testing/dial-in-fixture";

let f: Awaited<ReturnType<typeof startDialInFixture>>;
beforeAll(async () => {
  // Ten simulated seconds a second: a key pressed on hearing a prompt lands while its <Gather> listens.
  f = await startDialInFixture({ speed: 10 });
  await f.settings({ selectionMode: "pick", allowedCountries: ["GB"] });
});
afterAll(() => f.close());

const MESSAGE = "Thank you for taking action.";
const MENU = "Press 1 to be connected now.";
const PICK = "For Ada Lovelace, MP, press 1. For Grace Hopper, MP, press 2.";
const POSTCODE_PROMPT = "Please enter your postcode on the keypad.";
const [ADA, GRACE] = TARGETS as [(typeof TARGETS)[number], (typeof TARGETS)[number]];

const outcome = async (callId: string) => callOutcome((await loadCallFacts(f.db, callId))!.facts);
const theCall = async (phone: string) => (await f.until(() => f.callsFrom(phone), (rows) => rows.length > 0))[0]!;

// Keys are pressed on hearing a prompt, as a person presses them. SIMULATOR_DISORDER=on (CI's second run)
// shuffles and repeats the status callbacks; the assertions hold either way.
describe(`members dialling the call tool's number (${testDriver()})`, () => {
  it("plays the message, takes the target by keypad, and puts the caller through as a call like any other", async () => {
    const member = "+442079460301";
    await f.script(GRACE.phone, { answer: "answer", answerAfter: 3, hangupAfter: 20 });
    const sid = await f.dialIn(member);
    await f.pressOnHearing(sid, PICK, "2");
    await f.pressOnHearing(sid, MENU, "1");
    const call = await theCall(member);
    const ended = await f.finish(call.id);

    expect(ended).toMatchObject({ direction: "inbound", status: "connected", memberCountry: "GB" });
    expect(ended.script.target.name).toBe("Grace Hopper");
    const spoken = await f.saidOn(sid);
    expect(spoken[0]).toContain(MESSAGE);
    expect(spoken).toContain(PICK);
    expect(spoken).toContain("You're calling Grace Hopper.");
    const [dial] = await f.dials(call.id);
    expect(dial).toMatchObject({ dial: 1, targetName: "Grace Hopper", dialCallStatus: "completed" });
    expect(await f.attempt(call.id)).toMatchObject({ placement: "placed", callSid: sid, status: "completed" });
    // The timeline: the answered line, from the request that made the call, then the number's status callback.
    const events = await f.events(call.id);
    expect(events.map((event) => event.callStatus)).toEqual(["in-progress", "completed"]);
    expect(events.every((event) => event.payload.Direction === "inbound")).toBe(true);
    expect(await outcome(call.id)).toMatchObject({ code: "connected", done: true });
  });

  it("refuses a blocked number and a country the call tool doesn't take, before the message, making no call", async () => {
    const blocked = "+442079460302";
    await addToBlocklist(f.db, { kind: "number", value: blocked, reason: "abuse", expiresInDays: null });
    const foreign = "+12025550143";
    const sids = [await f.dialIn(blocked), await f.dialIn(foreign)];
    for (const sid of sids) await f.fixture.waitForEnd(sid);
    expect(await f.saidOn(sids[0]!)).toEqual(["Sorry, we can't take your call. Goodbye."]);
    expect(await f.saidOn(sids[1]!)).toEqual(["Sorry, this campaign can't take calls from your country. Goodbye."]);
    expect(await f.callsFrom(blocked)).toEqual([]);
    expect(await f.callsFrom(foreign)).toEqual([]);
  });

  it("holds a caller to the number's daily limit, counted in calls made", async () => {
    await f.settings({ selectionMode: "pick", allowedCountries: ["GB"], callsPerNumberPerDay: 1 });
    const member = "+442079460303";
    const first = await f.dialIn(member);
    await f.pressOnHearing(first, PICK, "1");
    await f.until(() => f.saidOn(first), (spoken) => spoken.includes(MENU) || spoken.some((text) => text.startsWith(MENU)));
    await f.hangUpLine(first);
    await f.finish((await theCall(member)).id);
    const second = await f.dialIn(member);
    await f.fixture.waitForEnd(second);
    expect((await f.saidOn(second))[0]).toMatch(/^You've made as many calls today as this campaign allows/);
    expect(await f.callsFrom(member)).toHaveLength(1);
    await f.settings({ selectionMode: "pick", allowedCountries: ["GB"], callsPerNumberPerDay: 50 });
  });

  it("answers Twilio's retry of the request that made the call with the same call, and turns away a caller who has a live call", async () => {
    const line = (callSid: string, from: string) => ({ CallSid: callSid, From: from, To: "+442079460000", Digits: "1", CallStatus: "in-progress", Direction: "inbound" });
    const choose = `/twilio/dial-in/choose?plugin=${f.pluginId}&round=1`;
    const first = await (await f.post(choose, line("CAretry0000000000000000000000001", "+442079460307"))).text();
    const again = await (await f.post(choose, line("CAretry0000000000000000000000001", "+442079460307"))).text();
    const made = await f.callsFrom("+442079460307");
    expect(made).toHaveLength(1);
    expect(first).toContain(`/twilio/calls/${made[0]!.id}/menu?attempt=1&amp;round=0`);
    expect(again).toBe(first);

    const web = await f.place("+442079460308");
    expect(web.ok).toBe(true);
    const turnedAway = await (await f.post(choose, line("CAretry0000000000000000000000002", "+442079460308"))).text();
    expect(turnedAway).toContain("You already have a call in progress with this campaign.");
    expect(await f.callsFrom("+442079460308")).toHaveLength(1);
  });

  describe("postcode lookup on the keypad", () => {
    beforeAll(async () => {
      const tool = (await loadCallTool(f.db, f.pluginId))!;
      const imported = await importPostcodeTable(f.db, f.pluginId, tool.plugin.version, "GB", "postcode,constituency\nSW1A,Cities of London and Westminster\nE14,Poplar and Limehouse\n");
      expect(imported).toMatchObject({ ok: true, rows: 2 });
      await f.settings({ selectionMode: "postcode", postcodeFallback: "pick", allowedCountries: ["GB"] });
    });

    it("finds the target of a keyed postcode (letters on their keys) and connects", async () => {
      const member = "+442079460304";
      await f.script(ADA.phone, { answer: "answer", answerAfter: 3, hangupAfter: 15 });
      const sid = await f.dialIn(member);
      // SW1A 1AA: S=7, W=9, A=2.
      await f.pressOnHearing(sid, POSTCODE_PROMPT, "7912122#");
      await f.pressOnHearing(sid, MENU, "1");
      const call = await theCall(member);
      const ended = await f.finish(call.id);
      expect(ended).toMatchObject({ direction: "inbound", status: "connected" });
      expect(ended.script.target.name).toBe("Ada Lovelace");
      expect(await f.saidOn(sid)).toContain("You're calling Ada Lovelace.");
      expect((await f.dials(call.id))[0]).toMatchObject({ targetName: "Ada Lovelace", dialCallStatus: "completed" });
    });

    it("asks again for a postcode not in the table, then offers the campaigner's fallback: the list", async () => {
      const member = "+442079460305";
      const sid = await f.dialIn(member);
      await f.pressOnHearing(sid, POSTCODE_PROMPT, "9999#");
      await f.pressOnHearing(sid, "We couldn't find that postcode. Please try again.", "8888#");
      await f.pressOnHearing(sid, PICK, "2");
      await f.until(() => f.saidOn(sid), (spoken) => spoken.includes("You're calling Grace Hopper."));
      await f.hangUpLine(sid);
      const call = await theCall(member);
      await f.finish(call.id);
      expect(call.script.target.name).toBe("Grace Hopper");
      expect(await f.saidOn(sid)).toContain("We couldn't find that postcode. Please choose who to call.");
    });

    it("says sorry and makes no call when the campaigner's fallback is sorry", async () => {
      await f.settings({ selectionMode: "postcode", postcodeFallback: "sorry", allowedCountries: ["GB"] });
      const member = "+442079460306";
      const sid = await f.dialIn(member);
      await f.pressOnHearing(sid, POSTCODE_PROMPT, "9999#");
      await f.pressOnHearing(sid, "Please try again.", "9999#");
      await f.fixture.waitForEnd(sid);
      expect((await f.saidOn(sid)).at(-1)).toBe("We couldn't find that postcode. Sorry, we can only connect callers whose postcode we know. Goodbye.");
      expect(await f.callsFrom(member)).toEqual([]);
    });
  });

  it("answered every request with TwiML that passes Twilio's schema", async () => {
    expect(f.documents.length).toBeGreaterThan(20);
    const paths = new Set(f.documents.map((document) => document.path.replace(/[0-9a-f-]{36}/, ":id")));
    expect([...paths]).toEqual(expect.arrayContaining(["/twilio/dial-in", "/twilio/dial-in/choose", "/twilio/dial-in/postcode", "/twilio/calls/:id/menu", "/twilio/calls/:id/connect"]));
    for (const document of f.documents) expect({ path: document.path, errors: await twimlSchemaErrors(document.xml) }).toEqual({ path: document.path, errors: [] });
  });
});
