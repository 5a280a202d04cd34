import { connectCall, loadCall } from "@/lib/calltool/calls";
import { connectTwiml, readPlace, unknownCallTwiml } from "@/lib/calltool/flow";
import { moveOnTwiml } from "@/lib/calltool/flow-sequence";
import { db } from "@/lib/db/client";
import { param, twilioWebhook } from "@/lib/telephony/webhook";

// Reached by a redirect (the menu's 1, "Next, …", a busy line's redial), or by the "press 1 to try again" Gather.
export const POST = twilioWebhook<{ id: string }>(async ({ params, route, url }) => {
  const place = readPlace(url);
  if (params.Digits !== undefined && param(params, "Digits") !== "1") {
    // Another key than 1 at "press 1 to try again": the call moves on from the dial before this one.
    const call = await loadCall(db(), route.id);
    return call ? moveOnTwiml(call.id, { ...place, dial: Math.max(1, place.dial - 1) }, call.script, false) : unknownCallTwiml();
  }
  const call = await connectCall(db(), route.id, place);
  return call ? connectTwiml(call.id, place, call.script) : unknownCallTwiml();
});
