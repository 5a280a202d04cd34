import { testCallDialed, testCallPressed, testCallStart } from "@/lib/telephony/test-call";
import { accepted, param, twilioWebhook } from "@/lib/telephony/webhook";

export const dynamic = "force-dynamic";

export const POST = twilioWebhook(({ params, url }) => {
  const connect = url.searchParams.get("connect") ?? undefined;
  switch (url.searchParams.get("step")) {
    case "pressed":
      return testCallPressed(param(params, "Digits"), connect);
    case "dialed":
      return testCallDialed(param(params, "DialCallStatus"));
    case "status":
      return accepted();
    default:
      return testCallStart(connect);
  }
});
