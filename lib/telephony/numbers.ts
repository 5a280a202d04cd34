import "server-only";
import { twilioClient } from "./client";
import { withTelephonyErrors } from "./errors";

/** An IncomingPhoneNumber of the account, with where its calls go. */
export type IncomingNumber = {
  sid: string;
  number: string;
  label: string;
  voiceUrl: string;
  voiceMethod: string;
  voiceFallbackUrl: string;
  statusCallback: string;
};

type SdkNumber = { sid: string; phoneNumber: string; friendlyName?: string | null; voiceUrl?: string | null; voiceMethod?: string | null; voiceFallbackUrl?: string | null; statusCallback?: string | null };

const toIncomingNumber = (entry: SdkNumber): IncomingNumber => ({
  sid: entry.sid,
  number: entry.phoneNumber,
  label: entry.friendlyName ?? "",
  voiceUrl: entry.voiceUrl ?? "",
  voiceMethod: entry.voiceMethod ?? "POST",
  voiceFallbackUrl: entry.voiceFallbackUrl ?? "",
  statusCallback: entry.statusCallback ?? "",
});

/** The phone numbers the Twilio account owns, to offer as caller IDs. */
export async function listIncomingNumbers(): Promise<{ number: string; label: string }[]> {
  return (await listAccountNumbers()).map(({ number, label }) => ({ number, label }));
}

/** The account's numbers with where their incoming calls go. */
export function listAccountNumbers(): Promise<IncomingNumber[]> {
  return withTelephonyErrors(async () => {
    const numbers = await twilioClient().incomingPhoneNumbers.list({ limit: 1000 });
    return numbers.map(toIncomingNumber);
  });
}

export type VoiceSettings = { voiceUrl: string; voiceFallbackUrl: string; statusCallback: string };

/** Points a number's incoming calls at these URLs (all POST). */
export function updateIncomingNumber(sid: string, settings: VoiceSettings): Promise<void> {
  return withTelephonyErrors(async () => {
    await twilioClient().incomingPhoneNumbers(sid).update({
      voiceUrl: settings.voiceUrl,
      voiceMethod: "POST",
      voiceFallbackUrl: settings.voiceFallbackUrl,
      voiceFallbackMethod: "POST",
      statusCallback: settings.statusCallback,
      statusCallbackMethod: "POST",
    });
  });
}

/** Buys a number for the account (IncomingPhoneNumbers create). */
export function buyIncomingNumber(number: string, friendlyName: string): Promise<IncomingNumber> {
  return withTelephonyErrors(async () => {
    return toIncomingNumber(await twilioClient().incomingPhoneNumbers.create({ phoneNumber: number, friendlyName }));
  });
}
