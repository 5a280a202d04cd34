import { afterMemberStatus } from "@/lib/calllog/settle";
import { recordMemberEvent } from "@/lib/calltool/calls";
import { readPlace } from "@/lib/calltool/flow";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { accepted, param, twilioWebhook } from "@/lib/telephony/webhook";

const number = (value: string) => (/^-?\d+$/.test(value) ? Number(value) : null);

// The member leg's status callbacks, for the attempt named in the URL. One that could not
// be stored answers 503, so Twilio retries it (the URL carries the retry override).
export const POST = twilioWebhook<{ id: string }>(
  async ({ params, route, url }) => {
    const known = await recordMemberEvent(db(), route.id, readPlace(url).attempt, {
      callSid: param(params, "CallSid"),
      sequenceNumber: number(param(params, "SequenceNumber")) ?? -1,
      callStatus: param(params, "CallStatus"),
      callDuration: number(param(params, "CallDuration")),
      answeredBy: param(params, "AnsweredBy") || null,
      errorCode: number(param(params, "ErrorCode")),
      errorMessage: param(params, "ErrorMessage") || null,
      payload: params,
    });
    if (!known) log.warn({ callId: route.id, callSid: param(params, "CallSid") }, "status callback for an unknown call");
    else await afterMemberStatus(route.id, param(params, "CallStatus"));
    return accepted();
  },
  { onError: "retry" },
);
