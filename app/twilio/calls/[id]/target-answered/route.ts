import { recordTargetAnswered } from "@/lib/calltool/calls";
import { emptyTwiml, readPlace } from "@/lib/calltool/flow";
import { db } from "@/lib/db/client";
import { param, twilioWebhook } from "@/lib/telephony/webhook";

// The <Number url> request: Twilio runs its answer on the target's leg before bridging,
// so whatever happens here it answers an empty document, never a hang-up on the target.
export const POST = twilioWebhook<{ id: string }>(
  async ({ params, route, url }) => {
    await recordTargetAnswered(db(), route.id, readPlace(url).dial, param(params, "CallSid"));
    return emptyTwiml();
  },
  { onError: "empty" },
);
