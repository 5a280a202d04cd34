import { apologyTwiml } from "@/lib/telephony/twiml";
import { twilioWebhook } from "@/lib/telephony/webhook";

// The dial-in number's VoiceFallbackUrl: Twilio comes here when the voice URL failed.
export const POST = twilioWebhook(() => apologyTwiml());
