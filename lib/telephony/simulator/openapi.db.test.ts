import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../../db/testing";
import { startSimulatorFixture, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, type SimulatorFixture } from "../testing/simulator-fixture";
import { listIncomingNumbers } from "../numbers";
import { VoiceResponse } from "../twiml";
import { twilioWebhook } from "../webhook";
import { phoneBehaviorSchema, setBehavior } from "./phone";
import { getCall } from "./store";

type Schema = { properties: Record<string, unknown> };
const spec = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../testing/vendor/twilio-openapi-subset.json"), "utf8")) as {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, unknown> }>>;
  schemas: Record<string, Schema>;
};
const base = "/2010-04-01/Accounts/{AccountSid}";
const properties = (name: string) => Object.keys(spec.schemas[name]!.properties).sort();
const formFields = (specPath: string) => Object.keys(spec.paths[base + specPath]!.post!.requestBody!.content["application/x-www-form-urlencoded"]!.schema.properties);

let fixture: SimulatorFixture;
const rest = (method: string, path: string, form?: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form ?? {})) for (const item of ([] as string[]).concat(value)) body.append(key, item);
  return fetch(`${fixture.url}/dev/twilio/2010-04-01/Accounts/${TEST_ACCOUNT_SID}${path}`, {
    method,
    headers: { Authorization: `Basic ${Buffer.from(`${TEST_ACCOUNT_SID}:${TEST_AUTH_TOKEN}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: form ? body.toString() : undefined,
  });
};

beforeAll(async () => {
  fixture = await startSimulatorFixture();
  fixture.routes.set(
    "/o/hold",
    twilioWebhook(() => {
      const response = new VoiceResponse();
      response.enqueue("conformance");
      return response;
    }),
  );
});
afterAll(() => fixture.close());

describe(`the simulator's REST API matches Twilio's OpenAPI description (${testDriver()})`, () => {
  it("implements the documented paths and methods", () => {
    for (const [specPath, methods] of [
      ["/Calls.json", ["get", "post"]],
      ["/Calls/{Sid}.json", ["get", "post"]],
      ["/Queues.json", ["get", "post"]],
      ["/Queues/{Sid}.json", ["get"]],
      ["/Queues/{QueueSid}/Members.json", ["get"]],
      ["/Queues/{QueueSid}/Members/{CallSid}.json", ["get", "post"]],
      ["/IncomingPhoneNumbers.json", ["get"]],
    ] as const) {
      for (const method of methods) expect(spec.paths[base + specPath]?.[method], `${method} ${specPath}`).toBeDefined();
    }
  });

  it("accepts only form fields the description defines for creating a call", () => {
    const read = ["To", "From", "Url", "Method", "FallbackUrl", "FallbackMethod", "StatusCallback", "StatusCallbackEvent", "StatusCallbackMethod", "Timeout", "MachineDetection"];
    expect(formFields("/Calls.json")).toEqual(expect.arrayContaining(read));
    expect(formFields("/Calls/{Sid}.json")).toEqual(expect.arrayContaining(["Url", "Method", "Status"]));
  });

  it("answers a created call with exactly the Call resource's properties, and repeated StatusCallbackEvent keys", async () => {
    const response = await rest("POST", "/Calls.json", {
      To: "+447700900501",
      From: "+15005550006",
      Url: `${fixture.url}/o/hold`,
      StatusCallback: `${fixture.url}/o/status`,
      StatusCallbackEvent: ["initiated", "answered", "completed"],
      Timeout: "5",
      MachineDetection: "Enable",
    });
    expect(response.status).toBe(201);
    const call = await response.json();
    expect(Object.keys(call).sort()).toEqual(properties("api.v2010.account.call"));
    expect(call).toMatchObject({ status: "queued", direction: "outbound-api", api_version: "2010-04-01", account_sid: TEST_ACCOUNT_SID });
    const fetched = await (await rest("GET", `/Calls/${call.sid}.json`)).json();
    expect(Object.keys(fetched).sort()).toEqual(properties("api.v2010.account.call"));
    expect((await getCall(fixture.sim, call.sid))?.statusCallbackEvents).toEqual([
      "initiated",
      "answered",
      "completed",
    ]);
    await rest("POST", `/Calls/${call.sid}.json`, { Status: "canceled" });
  });

  it("answers queues and members with exactly their resources' properties", async () => {
    const created = await rest("POST", "/Queues.json", { FriendlyName: "conformance", MaxSize: "10" });
    expect(created.status).toBe(201);
    const queue = await created.json();
    expect(Object.keys(queue).sort()).toEqual(properties("api.v2010.account.queue"));
    const list = await (await rest("GET", "/Queues.json")).json();
    expect(list.queues.map((entry: { sid: string }) => entry.sid)).toContain(queue.sid);
    expect(Object.keys(list).sort()).toEqual(["end", "first_page_uri", "next_page_uri", "page", "page_size", "previous_page_uri", "queues", "start", "uri"]);

    await setBehavior(fixture.sim, "+447700900502", phoneBehaviorSchema.parse({ answer: "answer", answerAfter: 0 }));
    const caller = await (await rest("POST", "/Calls.json", { To: "+447700900502", From: "+15005550006", Url: `${fixture.url}/o/hold` })).json();
    while (!(await getCall(fixture.sim, caller.sid))?.queueSid) await new Promise((resolve) => setTimeout(resolve, 20));

    const members = await (await rest("GET", `/Queues/${queue.sid}/Members.json`)).json();
    expect(members.queue_members).toHaveLength(1);
    expect(Object.keys(members.queue_members[0]).sort()).toEqual(properties("api.v2010.account.queue.member"));
    const front = await (await rest("GET", `/Queues/${queue.sid}/Members/Front.json`)).json();
    expect(front).toMatchObject({ call_sid: caller.sid, queue_sid: queue.sid, position: 1 });
    const dequeued = await rest("POST", `/Queues/${queue.sid}/Members/Front.json`, { Url: `${fixture.url}/o/gone` });
    expect(dequeued.status).toBe(200);
    expect(Object.keys(await dequeued.json()).sort()).toEqual(properties("api.v2010.account.queue.member"));
  });

  it("lists the account's incoming numbers with the resource's properties, through the seam too", async () => {
    const list = await (await rest("GET", "/IncomingPhoneNumbers.json")).json();
    expect(list.incoming_phone_numbers.length).toBeGreaterThan(0);
    expect(Object.keys(list.incoming_phone_numbers[0]).sort()).toEqual(properties("api.v2010.account.incoming_phone_number"));
    // A fresh account starts with one number, as the embedded setup seeds it.
    expect(await listIncomingNumbers()).toEqual([{ number: "+442079460000", label: "Simulator dial-in number" }]);
  });

  it("answers errors in Twilio's shape", async () => {
    const missing = await rest("POST", "/Calls.json", { From: "+15005550006", Url: `${fixture.url}/o/hold` });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ code: 21201, message: "No 'To' number is specified", more_info: "https://www.twilio.com/docs/errors/21201", status: 400 });
    const unknown = await rest("GET", `/Calls/CA${"f".repeat(32)}.json`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 20404, status: 404 });
  });
});
