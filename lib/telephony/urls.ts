import "server-only";
import { telephonyConfig } from "./config";

/**
 * Twilio's connection overrides, in the URL fragment: retry a request that
 * could not connect, timed out or got a 5xx, up to three times. Our routes
 * answer 503 when the database is briefly unreachable, and every step is
 * idempotent (its state travels in its URL), so a retry is always safe. The
 * fragment is never sent over HTTP; whether Twilio signs it is not
 * documented, so the signature check accepts the URL with and without it.
 */
export const RETRY_OVERRIDES = "rc=3&rp=ct,rt,5xx";

/**
 * An absolute URL on this app as Twilio must call it: PUBLIC_URL + path, with
 * the retry overrides. Every URL handed to Twilio (TwiML actions, call and
 * number webhooks, status callbacks) is built here.
 */
export function callbackUrl(pathname: string, query?: Record<string, string | number | undefined>): string {
  const url = new URL(pathname, telephonyConfig().publicUrl);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  url.hash = RETRY_OVERRIDES;
  return url.toString();
}

/** The URLs a request to `url` may have been signed over. */
export const signedUrlCandidates = (url: string) => [url, `${url}#${RETRY_OVERRIDES}`];
