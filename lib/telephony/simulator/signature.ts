import { createHmac } from "node:crypto";

/**
 * X-Twilio-Signature, written from Twilio's documented algorithm rather than
 * taken from the SDK, so the app's check (the SDK's validateRequest) is
 * tested against an independent signer: HMAC-SHA1, keyed with the auth
 * token, over the full URL followed by every POST parameter sorted by name,
 * each name then its value (a repeated name once per value, values in order);
 * base64. A GET signs the URL (with its query) alone.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string | string[]> = {}): string {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    for (const value of ([] as string[]).concat(params[name]!).sort()) data += name + value;
  }
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}
