import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addToBlocklist } from "../blocklist/service";
import { testDriver } from "../db/testing";
import { twimlSchemaErrors } from "../telephony/testing/twiml-schema";
import { afterDial, afterDialResponse, busyWaitTwiml, moveOnTwiml } from "./flow-sequence";
import { blocklist, calls } from "./call-schema";
import { afterDialTwiml, connectTwiml, emptyTwiml, goodbyeTwiml, menuTwiml, redirectTwiml, startTwiml, targetRetryTwiml, unknownCallTwiml } from "./flow";
import { NO_RECALL, startCallFixture } from "./testing/call-fixture";

let f: Awaited<ReturnType<typeof startCallFixture>>;
beforeAll(async () => {
  f = await startCallFixture({ ...NO_RECALL, allowedCountries: ["GB", "US"], callsPerNumberPerDay: 2 });
});
afterAll(() => f.close());

describe(`POST /api/call's rules (${testDriver()})`, () => {
  it("refuses an invalid number at its field", async () => {
    expect(await f.place("12345")).toMatchObject({ ok: false, status: 422, field: "member_phone_number", error: "This isn't a valid phone number for United Kingdom." });
  });

  it("refuses a country the call tool doesn't take calls from (403)", async () => {
    expect(await f.place("+33 6 12 34 56 78")).toMatchObject({ ok: false, status: 403, error: "This campaign doesn't take calls from that country." });
  });

  it("refuses premium-rate and shared-cost numbers in those words, and other types in their own", async () => {
    expect(await f.place("+44 909 879 0000")).toMatchObject({ ok: false, status: 422, error: expect.stringMatching(/premium-rate or shared-cost/) });
    expect(await f.place("+44 845 464 0000")).toMatchObject({ ok: false, status: 422 });
    // A pager number is refused, but it is not premium-rate.
    const pager = await f.place("+44 7640 123456");
    expect(pager).toMatchObject({ ok: false, status: 422, error: "This kind of number can't be called from this page. Please use a mobile or landline number." });
  });

  it("lets Twilio's magic test numbers through in simulator mode, so its refusals can be tried from a page", async () => {
    const refused = await f.place("+1 500 555 0001");
    expect(refused).toMatchObject({ ok: false, status: 422, field: "member_phone_number", error: "The call couldn't be made: this number isn't valid" });
  });

  it("refuses a blocked number or address (403) and counts the hit", async () => {
    await addToBlocklist(f.db, { kind: "number", value: "+442079460201", reason: "abuse", expiresInDays: null });
    await addToBlocklist(f.db, { kind: "ip", value: "198.51.100.7", reason: "bot", expiresInDays: 7 });
    expect(await f.place("+442079460201")).toMatchObject({ ok: false, status: 403, error: "Calls to this number can't be made from this page." });
    expect(await f.place("+442079460202", "198.51.100.7")).toMatchObject({ ok: false, status: 403 });
    const [entry] = await f.db.select().from(blocklist).where(eq(blocklist.value, "+442079460201"));
    expect(entry!.hitCount).toBe(1);
  });

  it("limits calls per number per page per day, counting only calls placed, with a Retry-After", async () => {
    await f.script("+442079460203", { answer: "busy" });
    const first = await f.place("+442079460203");
    expect(first).toMatchObject({ ok: true, status: 201 });
    // While it is live, asking again gets the same call and spends nothing.
    expect(await f.place("+442079460203")).toMatchObject({ ok: true, status: 200, callId: (first as { callId: string }).callId });
    await f.finish((first as { callId: string }).callId);
    expect(await f.place("+442079460203")).toMatchObject({ ok: true, status: 201 });
    await f.until(() => f.db.select().from(calls).where(eq(calls.memberPhone, "+442079460203")), (rows) => rows.every((row) => row.endedAt !== null));
    const third = await f.place("+442079460203");
    expect(third).toMatchObject({ ok: false, status: 429, error: expect.stringMatching(/^You've reached the limit of calls for now/) });
    expect(!third.ok && third.retryAfter).toBeGreaterThan(0);
    // Refused at the limit: no call row was left behind.
    expect(await f.db.select().from(calls).where(eq(calls.memberPhone, "+442079460203"))).toHaveLength(2);
  });

  it("marks the call failed with Twilio's code when Twilio refuses it, and tells the member plainly", async () => {
    await f.script("+442079460204", { answer: "refuse", refuseCode: 21211 });
    const refused = await f.place("+442079460204");
    expect(refused).toMatchObject({ ok: false, status: 422, error: "The call couldn't be made: this number isn't valid" });
    const call = await f.call((refused as { callId: string }).callId);
    expect(call).toMatchObject({ status: "failed", failureCode: 21211, failureMessage: expect.stringMatching(/is not a valid phone number/), endedAt: expect.any(Date) });
    expect(await f.attempt(call.id)).toMatchObject({ placement: "refused", errorCode: 21211 });
    expect(await f.progress(call.id)).toMatchObject({ stage: "failed", done: true, connected: false, message: "The call couldn't be made: this number isn't valid" });
  });

  it("gives an unverified caller ID (21210) its own reason, not an error on the member's number", async () => {
    await f.script("+442079460205", { answer: "refuse", refuseCode: 21210 });
    const refused = await f.place("+442079460205");
    expect(refused).toMatchObject({ ok: false, status: 503, error: expect.stringMatching(/caller ID isn't verified/) });
    expect(refused).not.toHaveProperty("field");
  });

  it("answers 503 “we're very busy” to Twilio's 20429 and 5xx, not an error on the phone field", async () => {
    await f.script("+442079460206", { answer: "refuse", refuseCode: 20429 });
    expect(await f.place("+442079460206")).toMatchObject({ ok: false, status: 503, error: "We're very busy right now. Please try again in a minute." });
    f.proxy.fail({ kind: "status", status: 503, code: 20503, message: "Service unavailable" });
    const unavailable = await f.place("+442079460207");
    expect(unavailable).toMatchObject({ ok: false, status: 503, error: "We're very busy right now. Please try again in a minute." });
    expect(unavailable).not.toHaveProperty("field");
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
    limits: { memberSeconds: 1800, dialSeconds: 1200 },
  };
  const place = { attempt: 1, replay: 0, round: 1, wrong: 0, dial: 1, pos: 1, redial: 0, again: 0, met: 0 };
  const targets = [script.target, { id: "t2", name: "Priya Shah", phone: "+442079460019", extension: "", callerId: "+15005550006" }];
  const sequence = { ...script, targets, busyRedial: { attempts: 3, delaySeconds: 20 } };
  it.each([
    ["start", () => startTwiml("c1", place, script)],
    ["menu", () => menuTwiml("c1", place, script, false)],
    ["menu after a wrong key", () => menuTwiml("c1", place, script, true)],
    ["connect", () => connectTwiml("c1", place, script)],
    ["connect without extension", () => connectTwiml("c1", place, { ...script, target: { ...script.target, extension: "" } })],
    ["target retry (busy)", () => targetRetryTwiml("c1", place, script, "busy")],
    ["target retry (no answer)", () => targetRetryTwiml("c1", place, script, "no-answer")],
    ["redirect", () => redirectTwiml("c1", "menu", place)],
    ["goodbye", () => goodbyeTwiml("de", false)],
    ["goodbye after wrong keys", () => goodbyeTwiml("es", true)],
    ["after the dial: talked", () => afterDialTwiml(script, true)],
    ["after the dial: not reached", () => afterDialTwiml(script, false)],
    ["unknown call", () => unknownCallTwiml()],
    ["connect, one of several targets (hangupOnStar)", () => connectTwiml("c1", { ...place, pos: 2, dial: 3 }, sequence)],
    ["waiting out a busy line", () => busyWaitTwiml("c1", place, sequence)],
    ["next target, after one not reached", () => moveOnTwiml("c1", place, sequence, false)],
    ["next target, after a talk", () => afterDialResponse("c1", place, sequence, afterDial(place, sequence, "completed", true))],
    ["after the last target, someone reached", () => moveOnTwiml("c1", { ...place, pos: 2, met: 1 }, sequence, false)],
    ["after the last target, nobody reached", () => moveOnTwiml("c1", { ...place, pos: 2 }, sequence, false)],
    ["target answered", () => emptyTwiml()],
  ])("%s", async (_name, build) => {
    expect(await twimlSchemaErrors(build().toString())).toEqual([]);
  });
});
