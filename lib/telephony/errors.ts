import twilio from "twilio";
import { describeTwilioCode } from "./reasons";

/**
 * A refusal from Twilio's REST API, with Twilio's code, so callers can tell
 * the member something true ("this number can't be reached") rather than
 * "something went wrong".
 */
export class TelephonyError extends Error {
  override name = "TelephonyError";
  constructor(
    message: string,
    /** Twilio's error code (21211, …); 0 when the failure was not Twilio's answer (network, timeout). */
    readonly code: number,
    /** The HTTP status of Twilio's answer; 0 when there was none. */
    readonly status: number,
    readonly moreInfo?: string,
  ) {
    super(message);
  }

  /** Worth trying again later: Twilio was busy or broken, not the request. */
  get retryable(): boolean {
    return this.code === 20429 || this.status === 429 || this.status >= 500 || this.status === 0;
  }

  /**
   * No answer we can trust came back (a network failure, a timeout, a
   * gateway's 502 or 504): Twilio may have done what was asked. For a call
   * that means it may be ringing now, so it must not be reported as failed.
   */
  get outcomeUnknown(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 504;
  }

  /** A plain-language reason for the person whose call it was. */
  get reason(): string {
    return describeTwilioCode(this.code, this.status);
  }
}

export { describeTwilioCode } from "./reasons";

/** Every error out of the Twilio SDK becomes a TelephonyError; anything else passes through. */
export function toTelephonyError(error: unknown): unknown {
  if (error instanceof TelephonyError) return error;
  if (error instanceof twilio.RestException) {
    return new TelephonyError(error.message, error.code ?? 0, error.status, error.moreInfo);
  }
  const code = (error as { code?: unknown }).code;
  // The SDK's HTTP client (axios) fails this way on a reset connection, a timeout or a cut-off answer.
  if ((error as { isAxiosError?: boolean }).isAxiosError || (typeof code === "string" && /^(ECONN|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|ERR_)/.test(code))) {
    return new TelephonyError(`Twilio could not be reached (${typeof code === "string" ? code : "no answer"})`, 0, 0);
  }
  return error;
}

/** Runs an SDK operation, turning its failures into TelephonyErrors. */
export async function withTelephonyErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toTelephonyError(error);
  }
}
