import { dialInAnswer } from "@/lib/calltool/dial-in-steps";
import { db } from "@/lib/db/client";
import { twilioWebhook } from "@/lib/telephony/webhook";

// A call tool's dial-in number's voice URL: the number dialled (To) names the call tool.
export const POST = twilioWebhook(({ params }) => dialInAnswer(db(), params));
