import { db } from "@/lib/db/client";
import { enqueue } from "@/lib/phonebank/webhooks";
import { twilioWebhook } from "@/lib/telephony/webhook";

export const POST = twilioWebhook(({ params, url }) => enqueue(db(), params, url));
