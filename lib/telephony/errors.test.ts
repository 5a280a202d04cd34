import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { describeTwilioCode, TelephonyError, toTelephonyError } from "./errors";

const restException = (status: number, code: number, message: string) =>
  new twilio.RestException({ statusCode: status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } } as never);

describe("toTelephonyError", () => {
  it("keeps Twilio's code, status and message", () => {
    const error = toTelephonyError(restException(400, 21211, "The 'To' number 123 is not a valid phone number."));
    expect(error).toBeInstanceOf(TelephonyError);
    expect(error).toMatchObject({ code: 21211, status: 400, message: "The 'To' number 123 is not a valid phone number.", retryable: false });
  });

  it("marks rate limits, 5xx and network failures as worth retrying", () => {
    expect(toTelephonyError(restException(429, 20429, "Too Many Requests"))).toMatchObject({ retryable: true });
    expect(toTelephonyError(restException(503, 20500, "Service unavailable"))).toMatchObject({ retryable: true, reason: expect.stringMatching(/isn't answering/) });
    const network = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(toTelephonyError(network)).toMatchObject({ code: 0, status: 0, retryable: true });
  });

  it("knows when no trustworthy answer came back, so the call may exist", () => {
    expect((toTelephonyError(restException(400, 21211, "bad")) as TelephonyError).outcomeUnknown).toBe(false);
    expect((toTelephonyError(restException(503, 20500, "unavailable")) as TelephonyError).outcomeUnknown).toBe(false);
    expect((toTelephonyError(restException(504, 20504, "gateway timeout")) as TelephonyError).outcomeUnknown).toBe(true);
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET", isAxiosError: true });
    expect((toTelephonyError(reset) as TelephonyError).outcomeUnknown).toBe(true);
    const timeout = Object.assign(new Error("timeout of 15000ms exceeded"), { code: "ECONNABORTED", isAxiosError: true });
    expect((toTelephonyError(timeout) as TelephonyError).outcomeUnknown).toBe(true);
  });

  it("leaves errors that are not Twilio's alone", () => {
    const bug = new TypeError("x is undefined");
    expect(toTelephonyError(bug)).toBe(bug);
  });
});

describe("describeTwilioCode", () => {
  it.each([
    [21211, /isn't valid/],
    [21214, /can't be reached/],
    [21215, /this country are not enabled/],
    [21210, /caller ID .* isn't verified/],
    [20429, /a lot of calls right now/],
  ])("explains %i in plain words", (code, reason) => {
    expect(describeTwilioCode(code)).toMatch(reason);
  });

  it("falls back to a generic sentence for codes it does not know", () => {
    expect(describeTwilioCode(29999)).toBe("The call couldn't be placed.");
  });
});
