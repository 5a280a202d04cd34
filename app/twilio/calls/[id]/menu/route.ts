import { countMenuRound } from "@/lib/calltool/calls";
import { goodbyeTwiml, MAX_MENU_ROUNDS, menuTwiml, redirectTwiml, unknownCallTwiml } from "@/lib/calltool/flow";
import { db } from "@/lib/db/client";
import { param, twilioWebhook } from "@/lib/telephony/webhook";

// 1 connects, 2 replays the message. Anything else, or silence, is a round without a
// valid choice; they count until a valid choice (start resets them), never reset by a wrong key.
export const POST = twilioWebhook<{ id: string }>(async ({ params, route }) => {
  const digits = param(params, "Digits");
  if (digits === "1") return redirectTwiml(route.id, "connect");
  if (digits === "2") return redirectTwiml(route.id, "start");
  const call = await countMenuRound(db(), route.id);
  if (!call) return unknownCallTwiml();
  if (call.menuRounds > MAX_MENU_ROUNDS) return goodbyeTwiml(call.script.language);
  return menuTwiml(call.id, call.script);
});
