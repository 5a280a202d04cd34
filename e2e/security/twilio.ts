import fs from "node:fs";
import path from "node:path";
import twilio from "twilio";

/** The simulator's credentials for an app started on `dataDir` with none configured (lib/telephony/config.ts writes them there). */
export function simulatorCredentials(dataDir = process.env.E2E_DATA_DIR!): { accountSid: string; authToken: string } {
  return JSON.parse(fs.readFileSync(path.join(dataDir, "simulator-credentials.json"), "utf8"));
}

/** A POST as Twilio sends it: form-encoded, signed over the URL it was sent to and every parameter. */
export function signedPost(url: string, params: [string, string][], authToken: string, signedUrl = url): RequestInit {
  const signing: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of params) {
    const existing = signing[key];
    signing[key] = existing === undefined ? value : ([] as string[]).concat(existing, value);
  }
  return {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilio.getExpectedTwilioSignature(authToken, signedUrl, signing) },
    body: new URLSearchParams(params).toString(),
  };
}
