import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const TEST_ACCOUNT_SID = `AC${"0123456789abcdef".repeat(2)}`;
export const TEST_AUTH_TOKEN = "simulator-test-token-0123456789";

/**
 * Points the app's configuration at a test: known simulator credentials (so
 * requests can be signed), the given PUBLIC_URL, and a throwaway DATA_DIR.
 * Call it before anything in the test file reads the configuration.
 */
export function applyTestTelephonyEnv(publicUrl = "https://calls.example.test", speed = 40): void {
  Object.assign(process.env, {
    PUBLIC_URL: publicUrl,
    TELEPHONY: "simulator",
    TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
    TWILIO_API_BASE_URL: `${publicUrl}/dev/twilio`,
    SIMULATOR_SPEED: String(speed),
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "patchthrough-test-")),
  });
}
