import { db } from "@/lib/db/client";
import { lineStatus } from "@/lib/phonebank/webhooks";
import { twilioWebhook } from "@/lib/telephony/webhook";

// The dial-in number's StatusCallback: the volunteer's line ended, wherever in the flow it was.
export const POST = twilioWebhook(({ params }) => lineStatus(db(), params));
