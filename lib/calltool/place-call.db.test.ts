import twilio from "twilio";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addToBlocklist } from "../blocklist/service";
import { blocklist } from "./call-schema";
import { testDriver } from "../db/testing";
import { TEST_AUTH_TOKEN } from "../telephony/testing/env";
import { twimlSchemaErrors } from "../telephony/testing/twiml-schema";
import { memberLegStatus } from "./call-state";
import { callWithEvents } from "./calls";
import { connectTwiml, goodbyeTwiml, menuTwiml, startTwiml, targetRetryTwiml, thanksTwiml, unknownCallTwiml, emptyTwiml, redirectTwiml } from "./flow";
import { startCallFixture } from "./testing/call-fixture";

let f: Awaited<ReturnType<typeof startCallFixture>>;
beforeAll(async () => {
  f = await startCallFixture({ allowedCountries: ["GB"], callsPerNumberPerDay: 2 });
});
afterAll(() => f.close());

describe(`POST /api/call's rules (${testDriver()})`, () => {
  it("refuses an invalid number at its field", async () => {
    expect(await f.place("12345")).toMatchObject({ ok: false, status: 422, field: "member_phone_number", error: "This isn't a valid phone number for United Kingdom." });
  });

  it("refuses a country the call tool doesn't take calls from (403)", async () => {
    expect(await f.place("+33 6 12 34 56 78")).toMatchObject({ ok: false, status: 403, error: "This campaign doesn't take calls from that country." });
  });

  it("refuses premium-rate and shared-cost numbers", async () => {
    expect(await f.place("+44 909 879 0000")).toMatchObject({ ok: false, status: 422, error: expect.stringMatching(/premium-rate or shared-cost/) });
    expect(await f.place("+44 845 464 0000")).toMatchObject({ ok: false, status: 422 });
  });

  it("refuses a blocked number or address (403) and counts the hit", async () => {
    await addToBlocklist(f.db, { kind: "number", value: "+442079460201", reason: "abuse", expiresInDays: null });
    await addToBlocklist(f.db, { kind: "ip", value: "198.51.100.7", reason: "bot", expiresInDays: 7 });
    expect(await f.place("+442079460201")).toMatchObject({ ok: false, status: 403, error: "Calls to this number can't be made from this page." });
    expect(await f.place("+442079460202", "198.51.100.7")).toMatchObject({ ok: false, status: 403 });
    const [entry] = await f.db.select().from(blocklist).where(eq(blocklist.value, "+442079460201"));
    expect(entry!.hitCount).toBe(1);
  });

  it("limits calls per number per page per day, with a Retry-After", async () => {
    await f.script("+442079460203", { answer: "no-answer" });
    expect(await f.place("+442079460203")).toMatchObject({ ok: true });
    expect(await f.place("+442079460203")).toMatchObject({ ok: true });
    const third = await f.place("+442079460203");
    expect(third).toMatchObject({ ok: false, status: 429, error: expect.stringMatching(/^You've reached the limit of calls for now/) });
    expect(!third.ok && third.retryAfter).toBeGreaterThan(0);
  });

  it("marks the call failed with Twilio's code when Twilio refuses it, and tells the member plainly", async () => {
    await f.script("+442079460204", { answer: "refuse", refuseCode: 21211 });
    const refused = await f.place("+442079460204");
    expect(refused).toMatchObject({ ok: false, status: 422, error: "The call couldn't be made: this number isn't valid" });
    const { call } = (await callWithEvents(f.db, (refused as { callId: string }).callId))!;
    expect(call).toMatchObject({ status: "failed", failureCode: 21211, failureMessage: expect.stringMatching(/is not a valid phone number/) });
  });
});

describe(`status callbacks (${testDriver()})`, () => {
  it("keeps every callback once, whatever the order, and reads the leg from the highest SequenceNumber", async () => {
    await f.script("+442079460205", { answer: "no-answer" });
    const placed = await f.place("+442079460205");
    if (!placed.ok) throw new Error(placed.error);
    const url = `${f.fixture.url}/twilio/calls/${placed.callId}/events`;
    const post = (params: Record<string, string>) =>
      fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, url, params) },
        body: new URLSearchParams(params).toString(),
      });
    const event = (sequence: number, status: string) => ({ CallSid: "CAfeedfacefeedfacefeedfacefeedface", SequenceNumber: String(sequence), CallStatus: status, Timestamp: "x" });
    // Out of order, with retries, some at once.
    await Promise.all([post(event(3, "completed")), post(event(1, "ringing")), post(event(3, "completed"))]);
    await Promise.all([post(event(0, "initiated")), post(event(2, "in-progress")), post(event(1, "ringing"))]);
    const { call, events } = (await callWithEvents(f.db, placed.callId))!;
    const forged = events.filter((e) => e.callSid === "CAfeedfacefeedfacefeedfacefeedface");
    expect(forged.map((e) => [e.sequenceNumber, e.callStatus])).toEqual([
      [0, "initiated"],
      [1, "ringing"],
      [2, "in-progress"],
      [3, "completed"],
    ]);
    expect(memberLegStatus(forged, call.createdAt)).toBe("completed");
    expect(forged[3]!.payload).toMatchObject({ Timestamp: "x" });
  });

  it("reads connecting before any callback, and unknown when none came in time", () => {
    const placedAt = new Date("2026-01-01T10:00:00Z");
    expect(memberLegStatus([], placedAt, new Date("2026-01-01T10:00:30Z"))).toBe("connecting");
    expect(memberLegStatus([], placedAt, new Date("2026-01-01T10:05:00Z"))).toBe("unknown");
  });
});

describe("every TwiML step validates against Twilio's schema", () => {
  const script = {
    language: "fr",
    message: { url: "https://calls.example.test/clips/a.mp3", text: "Bonjour" },
    menu: { url: null, text: "Appuyez sur 1" },
    target: { id: "t", name: "Ada", phone: "+442079460018", extension: "12" },
    callerId: "+15005550006",
    followUpUrl: null,
  };
  it.each([
    ["start", () => startTwiml("c1", script)],
    ["menu", () => menuTwiml("c1", script)],
    ["connect", () => connectTwiml("c1", script)],
    ["connect without extension", () => connectTwiml("c1", { ...script, target: { ...script.target, extension: "" } })],
    ["target retry", () => targetRetryTwiml("c1", script)],
    ["redirect", () => redirectTwiml("c1", "menu")],
    ["goodbye", () => goodbyeTwiml("de")],
    ["thanks", () => thanksTwiml("es")],
    ["unknown call", () => unknownCallTwiml()],
    ["target answered", () => emptyTwiml()],
  ])("%s", async (_name, build) => {
    expect(await twimlSchemaErrors(build().toString())).toEqual([]);
  });
});
