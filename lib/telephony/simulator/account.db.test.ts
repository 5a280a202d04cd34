import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../../db/testing";
import { TelephonyError } from "../errors";
import { startScenario, type Scenario } from "../testing/scenario";
import { handlePhoneApi } from "./phone-api";

type Schema = { properties: Record<string, unknown> };
const spec = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../testing/vendor/twilio-openapi-subset.json"), "utf8")) as {
  paths: Record<string, Record<string, unknown>>;
  schemas: Record<string, Schema>;
};
const properties = (name: string) => Object.keys(spec.schemas[name]!.properties).sort();

let s: Scenario;
let url = "";
beforeAll(async () => {
  s = await startScenario();
  url = s.fixture.url;
  s.twiml("/hello", (r) => r.say("Hello."));
  s.twiml("/voice", (r) => {
    r.gather({ numDigits: 1, timeout: 3, action: `${url}/voice-pressed` }).say("Welcome. Press a key.");
    r.say("Goodbye.");
  });
  s.twiml("/voice-pressed", (r) => r.say("Thanks."));
  s.callback("/number-status");
});
afterAll(() => s.close());

const json = async (response: Response) => ({ status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> });
const phone = (method: string, segments: string[], body?: unknown) =>
  handlePhoneApi(s.sim, new Request("http://x/dev/phone/api", { method, body: body ? JSON.stringify(body) : undefined, headers: { "Content-Type": "application/json" } }), segments);

describe(`caller ID rules (${testDriver()})`, () => {
  it("refuses a From the account neither owns nor verified (21210), and takes owned, verified and the magic number", async () => {
    const refused = await s.call("+442079463001", "/hello", { from: "+442079469001" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TelephonyError);
    expect(refused).toMatchObject({ code: 21210, status: 400 });

    await s.script("+442079463001", { answer: "busy" });
    expect(await s.call("+442079463001", "/hello", { from: "+15005550006" })).toMatchObject({ status: "queued" });
    expect(await s.call("+442079463001", "/hello", { from: "+442079460000" })).toMatchObject({ status: "queued" });
    expect((await phone("POST", ["caller-ids"], { number: "+442079469001" })).status).toBe(201);
    expect(await s.call("+442079463001", "/hello", { from: "+442079469001" })).toMatchObject({ status: "queued" });
  });

  it("lists, fetches, renames and deletes OutgoingCallerIds with the resource's properties", async () => {
    await phone("POST", ["caller-ids"], { number: "+442079469002" });
    const list = await json(await s.rest("GET", "/OutgoingCallerIds.json?PhoneNumber=%2B442079469002"));
    const [callerId] = list.body.outgoing_caller_ids as Record<string, string>[];
    expect(Object.keys(callerId!).sort()).toEqual(properties("api.v2010.account.outgoing_caller_id"));
    expect(callerId).toMatchObject({ phone_number: "+442079469002", sid: expect.stringMatching(/^PN[0-9a-f]{32}$/) });
    expect(await json(await s.rest("POST", `/OutgoingCallerIds/${callerId!.sid}.json`, { FriendlyName: "Office" }))).toMatchObject({ status: 200, body: { friendly_name: "Office" } });
    expect((await s.rest("DELETE", `/OutgoingCallerIds/${callerId!.sid}.json`)).status).toBe(204);
    expect((await s.rest("GET", `/OutgoingCallerIds/${callerId!.sid}.json`)).status).toBe(404);
    await expect(s.call("+442079463001", "/hello", { from: "+442079469002" })).rejects.toMatchObject({ code: 21210 });
  });
});

describe(`the account's numbers (${testDriver()})`, () => {
  it("buys a number, configures its voice URLs and lists and fetches it, with the resource's properties", async () => {
    const bought = await json(await s.rest("POST", "/IncomingPhoneNumbers.json", { PhoneNumber: "+442079463100", FriendlyName: "Dial-in" }));
    expect(bought.status).toBe(201);
    expect(Object.keys(bought.body).sort()).toEqual(properties("api.v2010.account.incoming_phone_number"));
    const sid = String(bought.body.sid);
    expect((await s.rest("POST", "/IncomingPhoneNumbers.json", { PhoneNumber: "+442079463100" })).status).toBe(400);

    const updated = await json(
      await s.rest("POST", `/IncomingPhoneNumbers/${sid}.json`, { VoiceUrl: `${url}/voice`, VoiceMethod: "POST", StatusCallback: `${url}/number-status`, VoiceFallbackUrl: `${url}/hello` }),
    );
    expect(updated.body).toMatchObject({ voice_url: `${url}/voice`, voice_method: "POST", status_callback: `${url}/number-status`, voice_fallback_url: `${url}/hello` });
    expect((await json(await s.rest("POST", `/IncomingPhoneNumbers/${sid}.json`, { VoiceUrl: "not a url" }))).status).toBe(400);
    expect((await json(await s.rest("GET", `/IncomingPhoneNumbers/${sid}.json`))).body).toMatchObject({ phone_number: "+442079463100", friendly_name: "Dial-in" });
    const list = await json(await s.rest("GET", "/IncomingPhoneNumbers.json"));
    expect((list.body.incoming_phone_numbers as { phone_number: string }[]).map((number) => number.phone_number)).toEqual(["+442079460000", "+442079463100"]);
  });

  it("takes a call from the virtual phone to the number: its Voice URL hears an inbound call, its StatusCallback the end", async () => {
    await s.script("+442079463200", { digits: [{ after: 0.5, digits: "7", onPrompt: true }] });
    const placed = await json(await phone("POST", ["inbound"], { from: "+442079463200", to: "+442079463100" }));
    expect(placed.status).toBe(201);
    const sid = String(placed.body.sid);
    // The caller is a person on the virtual phone; their script presses 7 as the prompt plays.
    await s.fixture.waitForEnd(sid);
    const [first] = s.requestsTo("/voice", sid);
    expect(first).toMatchObject({
      Direction: "inbound",
      CallStatus: "ringing",
      From: "+442079463200",
      To: "+442079463100",
      Caller: "+442079463200",
      Called: "+442079463100",
      FromCountry: "GB",
      ToCountry: "GB",
      CallerCountry: "GB",
      CalledCountry: "GB",
      FromCity: "",
      CalledZip: "",
      CallToken: expect.stringContaining("parentCallInfoToken"),
    });
    expect(s.requestsTo("/voice-pressed", sid)).toEqual([expect.objectContaining({ Digits: "7", Direction: "inbound", CallStatus: "in-progress" })]);
    expect(s.requestsTo("/number-status", sid)).toEqual([expect.objectContaining({ CallStatus: "completed", Direction: "inbound" })]);
  });

  it("calls a URL of the app from the virtual phone, and nothing else", async () => {
    const placed = await json(await phone("POST", ["inbound"], { from: "+442079463201", url: `${url}/hello` }));
    expect(placed.status).toBe(201);
    await s.fixture.waitForEnd(String(placed.body.sid));
    expect(s.requestsTo("/hello", String(placed.body.sid))).toEqual([expect.objectContaining({ Direction: "inbound", To: "+442079460000" })]);
    expect((await phone("POST", ["inbound"], { from: "+442079463201", url: "https://elsewhere.example/hook" })).status).toBe(422);
    expect((await phone("POST", ["inbound"], { from: "+442079463201", to: "+442079463999" })).status).toBe(422);
  });
});
