import { db } from "@/lib/db/client";
import { stopConsuming } from "@/lib/phonebank/webhooks";
import { twilioWebhook } from "@/lib/telephony/webhook";

export const POST = twilioWebhook(({ params, url }) => stopConsuming(db(), params, url));
