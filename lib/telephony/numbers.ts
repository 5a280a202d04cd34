import "server-only";
import { twilioClient } from "./client";
import { withTelephonyErrors } from "./errors";

/** The phone numbers the Twilio account owns, to offer as caller IDs. */
export function listIncomingNumbers(): Promise<{ number: string; label: string }[]> {
  return withTelephonyErrors(async () => {
    const numbers = await twilioClient().incomingPhoneNumbers.list({ limit: 1000 });
    return numbers.map((entry) => ({ number: entry.phoneNumber, label: entry.friendlyName ?? "" }));
  });
}
