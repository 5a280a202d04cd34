import { readDialInPlace } from "@/lib/calltool/dial-in-flow";
import { postcodeStep } from "@/lib/calltool/dial-in-steps";
import { db } from "@/lib/db/client";
import { twilioWebhook } from "@/lib/telephony/webhook";

// The caller keys their postcode, ended by #.
export const POST = twilioWebhook(({ params, url }) => postcodeStep(db(), readDialInPlace(url), params));
