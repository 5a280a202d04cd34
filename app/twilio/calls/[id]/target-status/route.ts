import { recordDialResult } from "@/lib/calltool/calls";
import { readPlace, unknownCallTwiml } from "@/lib/calltool/flow";
import { afterDial, afterDialResponse } from "@/lib/calltool/flow-sequence";
import { db } from "@/lib/db/client";
import { param, twilioWebhook } from "@/lib/telephony/webhook";

const number = (value: string) => (/^\d+$/.test(value) ? Number(value) : null);

// The Dial action: this dial's result goes on its own row (the dial number is in the URL).
// What follows (the next target, a redial, "press 1 to try again", goodbye) depends only on
// the request, so a retry of it answers the same.
export const POST = twilioWebhook<{ id: string }>(async ({ params, route, url }) => {
  const place = readPlace(url);
  const status = param(params, "DialCallStatus");
  const call = await recordDialResult(db(), route.id, place, {
    status,
    dialCallSid: param(params, "DialCallSid"),
    duration: number(param(params, "DialCallDuration")),
    errorCode: number(param(params, "ErrorCode")),
    errorMessage: param(params, "ErrorMessage") || null,
  });
  if (!call) return unknownCallTwiml();
  const memberStillThere = param(params, "CallStatus") === "in-progress";
  return afterDialResponse(call.id, place, call.script, afterDial(place, call.script, status, memberStillThere));
});
