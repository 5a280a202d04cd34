import twilio from "twilio";
import { beforeAll, describe, expect, it } from "vitest";
import { TEST_AUTH_TOKEN, applyTestTelephonyEnv } from "./testing/env";
import { VoiceResponse } from "./twiml";
import { parseForm, TWILIO_BODY_LIMIT, twilioWebhook, type TwilioParams } from "./webhook";

const PUBLIC_URL = "https://calls.example.test";
// Next.js sees the request at its own address; Twilio signed the public one.
const INTERNAL = "http://10.1.2.3:3000";

function twilioRequest(path: string, params: Record<string, string | string[]>, signature?: string) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const item of ([] as string[]).concat(value)) body.append(key, item);
  return new Request(`${INTERNAL}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(signature ? { "X-Twilio-Signature": signature } : {}) },
    body: body.toString(),
  });
}
const sign = (url: string, params: Record<string, string | string[]>, token = TEST_AUTH_TOKEN) => twilio.getExpectedTwilioSignature(token, url, params);

describe("twilioWebhook", () => {
  const seen: TwilioParams[] = [];
  const route = twilioWebhook(({ params }) => {
    seen.push(params);
    const response = new VoiceResponse();
    response.say("ok");
    return response;
  });
  beforeAll(() => applyTestTelephonyEnv(PUBLIC_URL));

  it("accepts a request signed over PUBLIC_URL + path + query and the form parameters", async () => {
    const params = { CallSid: "CA1", Digits: "1", StatusCallbackEvent: ["initiated", "ringing"] };
    const path = "/twilio/calls/42/menu?attempt=2&lang=fr";
    const response = await route(twilioRequest(path, params, sign(`${PUBLIC_URL}${path}`, params)));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml; charset=utf-8");
    expect(await response.text()).toContain("<Say>ok</Say>");
    expect(seen.at(-1)).toEqual({ CallSid: "CA1", Digits: "1", StatusCallbackEvent: ["initiated", "ringing"] });
  });

  it("refuses with 403, before the handler runs, a missing, forged or mis-addressed signature", async () => {
    const params = { CallSid: "CA2" };
    const path = "/twilio/calls/42/menu?attempt=2";
    const before = seen.length;
    const attempts = [
      twilioRequest(path, params),
      twilioRequest(path, params, "forged+signature="),
      twilioRequest(path, params, sign(`${PUBLIC_URL}${path}`, params, "another-accounts-token-000")),
      twilioRequest(path, params, sign(`${PUBLIC_URL}/twilio/calls/42/menu`, params)), // query left out
      twilioRequest(path, params, sign(`${PUBLIC_URL}${path}`, { CallSid: "CA3" })), // body tampered with
      twilioRequest(path, params, sign(`https://evil.example${path}`, params)),
    ];
    for (const request of attempts) expect((await route(request)).status).toBe(403);
    expect(seen.length).toBe(before);
  });

  it("answers a spoken apology, never a 500, when the handler throws", async () => {
    const failing = twilioWebhook(() => {
      throw new Error("database down");
    });
    const params = { CallSid: "CA4" };
    const response = await failing(twilioRequest("/twilio/x", params, sign(`${PUBLIC_URL}/twilio/x`, params)));
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<Say>Sorry, something went wrong on our side.*<\/Say><Hangup\/>/);
  });
});

describe("twilioWebhook with a body far bigger than Twilio sends", () => {
  beforeAll(() => applyTestTelephonyEnv(PUBLIC_URL));

  it("refuses a chunked body (no Content-Length) with 413 as soon as it passes the limit, without reading the rest", async () => {
    let handled = false;
    const route = twilioWebhook(() => {
      handled = true;
      return new VoiceResponse();
    });
    let sent = 0;
    const chunk = new TextEncoder().encode(`CallSid=CA5&Pad=${"x".repeat(16 * 1024)}&`);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(`${INTERNAL}/twilio/x`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "irrelevant" }, body: endless, duplex: "half" } as RequestInit);
    const response = await route(request);
    expect(response.status).toBe(413);
    expect(handled).toBe(false);
    expect(sent).toBeLessThan(TWILIO_BODY_LIMIT + 4 * chunk.byteLength);
  });

  it("still accepts a signed body just under the limit", async () => {
    const route = twilioWebhook(() => new VoiceResponse());
    const params = { CallSid: "CA6", Pad: "y".repeat(TWILIO_BODY_LIMIT - 100) };
    const response = await route(twilioRequest("/twilio/x", params, sign(`${PUBLIC_URL}/twilio/x`, params)));
    expect(response.status).toBe(200);
  });
});

describe("parseForm", () => {
  it("reads parameters named like Object's own properties as plain parameters", () => {
    const params = parseForm("constructor=a&__proto__=b&toString=c&hasOwnProperty=d&constructor=e&CallSid=CA1");
    expect(params.constructor).toEqual(["a", "e"]);
    expect(params.__proto__).toBe("b");
    expect(params.toString).toBe("c");
    expect(params.hasOwnProperty).toBe("d");
    expect(Object.keys(params)).toEqual(["constructor", "__proto__", "toString", "hasOwnProperty", "CallSid"]);
    expect(({} as Record<string, unknown>).CallSid).toBeUndefined();
  });

  it("drops NUL bytes from names and values", () => {
    expect({ ...parseForm("Dig%00its=1%002&To=%2B44%00") }).toEqual({ Digits: "12", To: "+44" });
  });
});

describe("twilioWebhook with parameters named like Object's own properties", () => {
  beforeAll(() => applyTestTelephonyEnv(PUBLIC_URL));

  it("checks the signature over them as sent and hands them to the handler", async () => {
    let seen: TwilioParams | undefined;
    const route = twilioWebhook(({ params }) => {
      seen = params;
      return new VoiceResponse();
    });
    const body = "CallSid=CA1&constructor=x&__proto__=y&toString=z";
    // What Twilio signs: every parameter it sent, "__proto__" included (an object literal would swallow it).
    const sent: Record<string, string> = Object.create(null);
    for (const [key, value] of new URLSearchParams(body)) sent[key] = value;
    const path = "/twilio/calls/42/events";
    const signature = twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, `${PUBLIC_URL}${path}`, sent);
    const response = await route(new Request(`${INTERNAL}${path}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature }, body }));
    expect(response.status).toBe(200);
    expect(Object.entries(seen!)).toEqual([["CallSid", "CA1"], ["constructor", "x"], ["__proto__", "y"], ["toString", "z"]]);
  });
});
