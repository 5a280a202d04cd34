import { recordTargetStatus } from "@/lib/calltool/calls";
import { targetRetryTwiml, thanksTwiml, unknownCallTwiml } from "@/lib/calltool/flow";
import { db } from "@/lib/db/client";
import { param, twilioWebhook } from "@/lib/telephony/webhook";

// Everything the Dial action reports about the target's leg; the member leg's own fields stay out.
const MEMBER_FIELDS = new Set(["AccountSid", "ApiVersion", "CallSid", "CallStatus", "Called", "Caller", "Direction", "From", "To", "ParentCallSid"]);

export const POST = twilioWebhook<{ id: string }>(async ({ params, route }) => {
  const dial = Object.fromEntries(Object.keys(params).filter((key) => !MEMBER_FIELDS.has(key)).map((key) => [key, param(params, key)]));
  const call = await recordTargetStatus(db(), route.id, dial);
  if (!call) return unknownCallTwiml();
  const status = dial.DialCallStatus;
  const memberStillThere = param(params, "CallStatus") === "in-progress";
  if (memberStillThere && (status === "busy" || status === "no-answer") && call.targetRetryOffered === 1) return targetRetryTwiml(call.id, call.script);
  return thanksTwiml(call.script.language);
});
