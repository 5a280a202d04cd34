import { connectCall, loadCall } from "@/lib/calltool/calls";
import { afterDialTwiml, connectTwiml, readPlace, unknownCallTwiml } from "@/lib/calltool/flow";
import { db } from "@/lib/db/client";
import { param, twilioWebhook } from "@/lib/telephony/webhook";

export const POST = twilioWebhook<{ id: string }>(async ({ params, route, url }) => {
  const place = readPlace(url);
  // Reached by a redirect from the menu (no Digits), or by the "press 1 to try again" Gather.
  if (params.Digits !== undefined && param(params, "Digits") !== "1") {
    const call = await loadCall(db(), route.id);
    return call ? afterDialTwiml(call.script, false) : unknownCallTwiml();
  }
  const call = await connectCall(db(), route.id, place.attempt, place.dial);
  return call ? connectTwiml(call.id, place, call.script) : unknownCallTwiml();
});
