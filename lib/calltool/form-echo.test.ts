import { beforeAll, describe, expect, it } from "vitest";
import { applyTestTelephonyEnv } from "../telephony/testing/env";
import { signError, verifiedError } from "./form-echo";

beforeAll(() => applyTestTelephonyEnv());

describe("errors echoed through a page's URL", () => {
  it("are shown only as the app signed them", () => {
    const text = "Choose who to call.";
    expect(verifiedError(text, signError(text))).toBe(text);
    expect(verifiedError("Donate by calling 0900 000000", signError(text))).toBeUndefined();
    expect(verifiedError(text, undefined)).toBeUndefined();
    expect(verifiedError(text, "short")).toBeUndefined();
  });
});
