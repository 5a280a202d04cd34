import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { resolveTelephony } from "./config";

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "patchthrough-telephony-"));
const SID = `AC${"a".repeat(32)}`;

describe("resolveTelephony", () => {
  it("runs the simulator with credentials generated once and kept in DATA_DIR", () => {
    const DATA_DIR = tempDir();
    const first = resolveTelephony(parseEnv({ DATA_DIR }));
    expect(first).toMatchObject({ mode: "simulator", apiBaseUrl: "http://localhost:3000/dev/twilio", simulatorSpeed: 1 });
    expect(first.accountSid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(first.authToken).toMatch(/^[0-9a-f]{32}$/);
    expect(resolveTelephony(parseEnv({ DATA_DIR }))).toEqual(first);
    expect(fs.statSync(path.join(DATA_DIR, "simulator-credentials.json")).mode & 0o777).toBe(0o600);
  });

  it("uses real Twilio when an account SID is set, unless told to simulate", () => {
    const env = { DATA_DIR: tempDir(), TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: "t".repeat(32) };
    expect(resolveTelephony(parseEnv(env))).toMatchObject({ mode: "twilio", accountSid: SID, apiBaseUrl: "https://api.twilio.com" });
    // Simulator mode with given credentials: tests can sign requests with a known token.
    expect(resolveTelephony(parseEnv({ ...env, TELEPHONY: "simulator", PUBLIC_URL: "https://x.example" }))).toMatchObject({
      mode: "simulator",
      accountSid: SID,
      authToken: "t".repeat(32),
      apiBaseUrl: "https://x.example/dev/twilio",
    });
  });

  it("lets TWILIO_API_BASE_URL point the client elsewhere", () => {
    const env = parseEnv({ DATA_DIR: tempDir(), TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: "t".repeat(32), TWILIO_API_BASE_URL: "http://127.0.0.1:4010" });
    expect(resolveTelephony(env).apiBaseUrl).toBe("http://127.0.0.1:4010");
  });
});
