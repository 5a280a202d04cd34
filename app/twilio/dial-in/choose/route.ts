import { readDialInPlace } from "@/lib/calltool/dial-in-flow";
import { chooseStep } from "@/lib/calltool/dial-in-steps";
import { db } from "@/lib/db/client";
import { twilioWebhook } from "@/lib/telephony/webhook";

// The caller chooses a target by keypad; the round and the postcode keyed are in the signed URL.
export const POST = twilioWebhook(({ params, url }) => chooseStep(db(), readDialInPlace(url), params));
