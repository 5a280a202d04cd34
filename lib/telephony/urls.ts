import "server-only";
import { telephonyConfig } from "./config";

/** An absolute URL on this app as Twilio must call it: PUBLIC_URL + path. Every URL handed to Twilio is built here. */
export function callbackUrl(pathname: string, query?: Record<string, string | number | undefined>): string {
  const url = new URL(pathname, telephonyConfig().publicUrl);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}
