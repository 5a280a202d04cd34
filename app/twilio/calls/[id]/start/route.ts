import { startCall } from "@/lib/calltool/calls";
import { startTwiml, unknownCallTwiml } from "@/lib/calltool/flow";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { param, twilioWebhook } from "@/lib/telephony/webhook";

export const POST = twilioWebhook<{ id: string }>(async ({ params, route }) => {
  const call = await startCall(db(), route.id, param(params, "CallSid"));
  if (!call) {
    log.warn({ callId: route.id, callSid: param(params, "CallSid") }, "Twilio asked for an unknown call");
    return unknownCallTwiml();
  }
  return startTwiml(call.id, call.script);
});
