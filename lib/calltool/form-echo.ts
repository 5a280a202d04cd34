import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "../auth/secret";

/**
 * A form posted without JavaScript goes back to the page with its error in
 * the URL. The page shows it only with the app's signature, so nobody can
 * craft a link that makes a campaign's page say something of their choosing.
 */
const sign = (text: string) => createHmac("sha256", authSecret()).update(`form-error\0${text}`).digest("base64url").slice(0, 22);

export function signError(text: string): string {
  return sign(text);
}

/** The error to show from a page's query, if the app wrote it. */
export function verifiedError(text: string | undefined, signature: string | undefined): string | undefined {
  if (!text || !signature) return undefined;
  const expected = Buffer.from(sign(text));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? text : undefined;
}
