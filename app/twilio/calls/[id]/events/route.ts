import { recordMemberEvent } from "@/lib/calltool/calls";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { accepted, param, twilioWebhook } from "@/lib/telephony/webhook";

// The member leg's status callbacks: stored whole, once each. Twilio reads only the status code.
export const POST = twilioWebhook<{ id: string }>(async ({ params, route }) => {
  const known = await recordMemberEvent(db(), route.id, params);
  if (!known) log.warn({ callId: route.id, callSid: param(params, "CallSid") }, "status callback for an unknown call");
  return accepted();
});
