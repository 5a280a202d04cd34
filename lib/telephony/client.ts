import "server-only";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { telephonyConfig, type TelephonyConfig } from "./config";

const TWILIO_ORIGIN = "https://api.twilio.com";

/**
 * How long a REST request may take before we give up on Twilio's answer. A
 * member pressing "Call me" waits for it, and must hear back within 10 s;
 * a call whose creation got no answer is "unknown", not failed (Twilio may
 * have placed it), and is reconciled later (lib/calltool/reconcile.ts).
 */
export const TWILIO_TIMEOUT_MS = 8_000;

/**
 * The SDK's own RequestClient, with our timeout (the SDK's own is 30 s), and
 * with every api.twilio.com URI pointed at another base URL when one is set
 * (the simulator, or a test double). This is the SDK's documented
 * `httpClient` extension point; nothing else builds Twilio URLs.
 */
export class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: TWILIO_TIMEOUT_MS });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...opts, uri: rewriteTwilioUri(opts.uri, this.baseUrl) });
  }
}

export function rewriteTwilioUri(uri: string, baseUrl: string): string {
  return uri.startsWith(TWILIO_ORIGIN) ? `${baseUrl}${uri.slice(TWILIO_ORIGIN.length)}` : uri;
}

export type TwilioClient = ReturnType<typeof twilio>;

export function createTwilioClient(config: Pick<TelephonyConfig, "accountSid" | "authToken" | "apiBaseUrl">): TwilioClient {
  return twilio(config.accountSid, config.authToken, { httpClient: new BaseUrlRequestClient(config.apiBaseUrl) });
}

let cached: TwilioClient | undefined;
export function twilioClient(): TwilioClient {
  cached ??= createTwilioClient(telephonyConfig());
  return cached;
}
