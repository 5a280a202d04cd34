import { db } from "@/lib/db/client";
import { consume } from "@/lib/phonebank/webhooks";
import { twilioWebhook } from "@/lib/telephony/webhook";

export const POST = twilioWebhook(({ params, url }) => consume(db(), params, url));
