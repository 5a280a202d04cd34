import { recordMemberEvent } from "@/lib/calltool/recall";
import { callOfInboundLine } from "@/lib/calltool/dial-in";
import { memberEventFrom } from "@/lib/calltool/member-event";
import { db } from "@/lib/db/client";
import { accepted, param, twilioWebhook } from "@/lib/telephony/webhook";

// The dial-in number's StatusCallback: the caller's line ended. It lands on the call the line
// became; a caller who hung up before choosing a target made no call, and there is nothing to keep.
export const POST = twilioWebhook(
  async ({ params }) => {
    const line = await callOfInboundLine(db(), param(params, "CallSid"));
    if (line) await recordMemberEvent(db(), line.callId, line.attempt, memberEventFrom(params));
    return accepted();
  },
  { onError: "retry" },
);
