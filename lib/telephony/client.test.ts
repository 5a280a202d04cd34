import { describe, expect, it } from "vitest";
import { rewriteTwilioUri } from "./client";

describe("rewriteTwilioUri", () => {
  it("points api.twilio.com at the configured base and leaves other hosts alone", () => {
    const base = "http://localhost:3000/dev/twilio";
    expect(rewriteTwilioUri("https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json", base)).toBe(`${base}/2010-04-01/Accounts/AC1/Calls.json`);
    expect(rewriteTwilioUri("https://voice.twilio.com/v1/Settings", base)).toBe("https://voice.twilio.com/v1/Settings");
  });
});
