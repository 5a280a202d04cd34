import { recordTargetAnswered } from "@/lib/calltool/calls";
import { emptyTwiml } from "@/lib/calltool/flow";
import { db } from "@/lib/db/client";
import { param, twilioWebhook } from "@/lib/telephony/webhook";

// The <Number url> request: Twilio asks it on the target's leg the moment they answer.
export const POST = twilioWebhook<{ id: string }>(async ({ params, route }) => {
  await recordTargetAnswered(db(), route.id, param(params, "CallSid"));
  return emptyTwiml();
});
