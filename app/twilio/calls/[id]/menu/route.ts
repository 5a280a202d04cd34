import { recordCallStep } from "@/lib/calllog/steps";
import { recordMenuRound, recordMessageHeard } from "@/lib/calltool/calls";
import { goodbyeTwiml, menuStep, menuTwiml, readPlace, recallsStoppedTwiml, redirectTwiml, unknownCallTwiml } from "@/lib/calltool/flow";
import { stopRecallsOnPhone } from "@/lib/calltool/recall";
import { db } from "@/lib/db/client";
import { param, twilioWebhook } from "@/lib/telephony/webhook";

// 1 connects, 2 replays the message (three times at most). The round that just ended
// is in the URL, so Twilio's retry of this request neither adds a round nor skips one.
export const POST = twilioWebhook<{ id: string }>(async ({ params, route, url }) => {
  const place = readPlace(url);
  const digits = param(params, "Digits");
  const step = menuStep(place, digits);
  // The key pressed and what it led to, for the call's timeline: alongside the step's own query.
  const noted = recordCallStep(db(), route.id, { attempt: place.attempt, step: "menu", replay: place.replay, round: place.round, wrong: place.wrong, digits, result: step.kind });
  if (step.kind === "stop-recalls") {
    const [call] = await Promise.all([stopRecallsOnPhone(db(), route.id), noted]);
    return call ? recallsStoppedTwiml(call.script.language) : unknownCallTwiml();
  }
  if (step.kind === "connect" || step.kind === "replay") await noted;
  if (step.kind === "connect") return redirectTwiml(route.id, "connect", { attempt: place.attempt, dial: 1 });
  if (step.kind === "replay") return redirectTwiml(route.id, "start", { attempt: place.attempt, replay: step.replay });
  const [call] = await Promise.all([place.round > 0 ? recordMenuRound(db(), route.id, place.round) : recordMessageHeard(db(), route.id), noted]);
  if (!call) return unknownCallTwiml();
  if (step.kind === "goodbye") return goodbyeTwiml(call.script.language, step.wrongKeys);
  return menuTwiml(call.id, { ...place, round: step.round, wrong: step.wrong }, call.script, step.notAnOption);
});
