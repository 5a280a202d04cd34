import { recordCallStep } from "@/lib/calllog/steps";
import { isMachine } from "@/lib/calltool/call-state";
import { recordMachine, startCall } from "@/lib/calltool/calls";
import { machineTwiml, readPlace, startTwiml, unknownCallTwiml } from "@/lib/calltool/flow";
import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { param, twilioWebhook } from "@/lib/telephony/webhook";

// The member answered (or asked, with 2, to hear the message again).
export const POST = twilioWebhook<{ id: string }>(async ({ params, route, url }) => {
  const place = readPlace(url);
  // Detection found voicemail or a fax: nobody is there to hear the message. The attempt ends unanswered and is recalled.
  if (isMachine(param(params, "AnsweredBy"))) {
    await recordMachine(db(), route.id, place.attempt, param(params, "CallSid"), param(params, "AnsweredBy"));
    return machineTwiml();
  }
  const [call] = await Promise.all([startCall(db(), route.id, place.attempt, param(params, "CallSid")), recordCallStep(db(), route.id, { attempt: place.attempt, step: "message", replay: place.replay })]);
  if (!call) {
    log.warn({ callId: route.id, callSid: param(params, "CallSid") }, "Twilio asked for an unknown call");
    return unknownCallTwiml();
  }
  return startTwiml(call.id, place, call.script);
});
