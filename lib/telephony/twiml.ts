import twilio from "twilio";

export const VoiceResponse = twilio.twiml.VoiceResponse;
export type VoiceResponse = InstanceType<typeof VoiceResponse>;

/** Serves TwiML the way Twilio expects it. */
export function twimlResponse(twiml: VoiceResponse): Response {
  return new Response(twiml.toString(), {
    headers: { "Content-Type": "text/xml; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** What a caller hears when something on our side failed: never silence, never an error page. */
export function apologyTwiml(): VoiceResponse {
  const response = new VoiceResponse();
  response.say("Sorry, something went wrong on our side. Please try again later. Goodbye.");
  response.hangup();
  return response;
}
