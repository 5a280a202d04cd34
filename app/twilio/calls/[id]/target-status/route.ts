import { recordDialResult } from "@/lib/calltool/calls";
import { afterDialTwiml, MAX_DIALS, readPlace, targetRetryTwiml, unknownCallTwiml } from "@/lib/calltool/flow";
import { db } from "@/lib/db/client";
import { param, twilioWebhook } from "@/lib/telephony/webhook";

const number = (value: string) => (/^\d+$/.test(value) ? Number(value) : null);

// The Dial action: this dial's result goes on its own row (the dial number is in the URL).
// Whether to offer another try depends only on the request, so a retry of it offers the same.
export const POST = twilioWebhook<{ id: string }>(async ({ params, route, url }) => {
  const place = readPlace(url);
  const status = param(params, "DialCallStatus");
  const call = await recordDialResult(db(), route.id, place.attempt, place.dial, {
    status,
    dialCallSid: param(params, "DialCallSid"),
    duration: number(param(params, "DialCallDuration")),
    errorCode: number(param(params, "ErrorCode")),
    errorMessage: param(params, "ErrorMessage") || null,
  });
  if (!call) return unknownCallTwiml();
  const memberStillThere = param(params, "CallStatus") === "in-progress";
  if (memberStillThere && (status === "busy" || status === "no-answer") && place.dial < MAX_DIALS) return targetRetryTwiml(call.id, place, call.script, status);
  return afterDialTwiml(call.script, status === "completed" || status === "answered");
});
