import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { twilioSignature } from "./signature";

// The worked example of Twilio's webhook security documentation.
const URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
const TOKEN = "12345";
const PARAMS = { CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" };

describe("the simulator's own X-Twilio-Signature", () => {
  it("matches the documented worked example", () => {
    expect(twilioSignature(TOKEN, URL, PARAMS)).toBe("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
  });

  it("appends a repeated key once per value, values sorted (checked with openssl)", () => {
    // printf '%s' "${URL}CallSid…StatusCallbackEventansweredStatusCallbackEventcompletedStatusCallbackEventinitiatedTo+18005551212" | openssl dgst -sha1 -hmac 12345 -binary | base64
    const repeated = { ...PARAMS, StatusCallbackEvent: ["initiated", "answered", "completed"] };
    expect(twilioSignature(TOKEN, URL, repeated)).toBe("M/1qfoevK+GUJWHBKj0KXka0zDU=");
    expect(twilio.validateRequest(TOKEN, "M/1qfoevK+GUJWHBKj0KXka0zDU=", URL, repeated)).toBe(true);
  });

  it("signs a GET request's URL alone", () => {
    expect(twilioSignature(TOKEN, URL)).toBe("zYQTYrRWXE7LtzbG4PfP7/bkkGo=");
  });

  it("is what the SDK the app checks with expects, and nothing else is", () => {
    expect(twilio.validateRequest(TOKEN, twilioSignature(TOKEN, URL, PARAMS), URL, PARAMS)).toBe(true);
    expect(twilio.validateRequest(TOKEN, twilioSignature(TOKEN, URL, { ...PARAMS, Digits: "1235" }), URL, PARAMS)).toBe(false);
    expect(twilio.validateRequest(TOKEN, twilioSignature("54321", URL, PARAMS), URL, PARAMS)).toBe(false);
  });
});
