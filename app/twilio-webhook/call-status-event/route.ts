import { db } from "@/lib/db/client";
import { callStatusEvent } from "@/lib/phonebank/webhooks";
import { twilioWebhook } from "@/lib/telephony/webhook";

export const POST = twilioWebhook(({ params, url }) => callStatusEvent(db(), params, url));
