import { connectCall, loadCall } from "@/lib/calltool/calls";
import { connectTwiml, thanksTwiml, unknownCallTwiml } from "@/lib/calltool/flow";
import { db } from "@/lib/db/client";
import { param, twilioWebhook } from "@/lib/telephony/webhook";

export const POST = twilioWebhook<{ id: string }>(async ({ params, route }) => {
  // Reached by a redirect from the menu, or by the "press 1 to try again" Gather.
  const digits = params.Digits === undefined ? null : param(params, "Digits");
  if (digits !== null && digits !== "1") {
    const call = await loadCall(db(), route.id);
    return call ? thanksTwiml(call.script.language) : unknownCallTwiml();
  }
  const call = await connectCall(db(), route.id);
  return call ? connectTwiml(call.id, call.script) : unknownCallTwiml();
});
