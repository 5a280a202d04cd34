import { loadCall } from "@/lib/calltool/calls";
import { readPlace, unknownCallTwiml } from "@/lib/calltool/flow";
import { busyWaitTwiml, moveOnTwiml } from "@/lib/calltool/flow-sequence";
import { db } from "@/lib/db/client";
import { param, twilioWebhook } from "@/lib/telephony/webhook";

// Moving on from a target who wasn't reached: the member pressed 1 to stop waiting for a busy
// line, or let "press 1 to try again" pass. Another key while waiting keeps them waiting.
// The place is the last dial's, in the URL; one query reads the script.
export const POST = twilioWebhook<{ id: string }>(async ({ params, route, url }) => {
  const place = readPlace(url);
  const call = await loadCall(db(), route.id);
  if (!call) return unknownCallTwiml();
  const digits = param(params, "Digits");
  if (params.Digits !== undefined && digits !== "1") return busyWaitTwiml(call.id, place, call.script);
  return moveOnTwiml(call.id, place, call.script, false);
});
