import "server-only";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { telephonyConfig, type TelephonyConfig } from "./config";

const TWILIO_ORIGIN = "https://api.twilio.com";

/**
 * The SDK's own RequestClient, with every api.twilio.com URI pointed at
 * another base URL (the simulator, or a test double). This is the SDK's
 * documented `httpClient` extension point; nothing else builds Twilio URLs.
 */
export class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: 15_000 });
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
  const httpClient = config.apiBaseUrl === TWILIO_ORIGIN ? undefined : new BaseUrlRequestClient(config.apiBaseUrl);
  return twilio(config.accountSid, config.authToken, { httpClient });
}

let cached: TwilioClient | undefined;
export function twilioClient(): TwilioClient {
  cached ??= createTwilioClient(telephonyConfig());
  return cached;
}
