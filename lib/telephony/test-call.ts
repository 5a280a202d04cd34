import "server-only";
import { placeCall, type PlacedCall } from "./calls";
import { VoiceResponse } from "./twiml";
import { callbackUrl } from "./urls";

/**
 * A call for trying a phone end to end, placed from /dev/phone: it asks for a
 * key, says which one was pressed, and with 1 dials a second number and
 * bridges the two. One TwiML builder per step.
 */
export const TEST_CALL_PATH = "/twilio/test-call";
/** Twilio's documented always-valid test caller ID; any number works in the simulator. */
export const TEST_CALLER_ID = "+15005550006";

export function testCallStart(connect?: string): VoiceResponse {
  const response = new VoiceResponse();
  const prompt = connect
    ? "This is a Patchthrough test call. Press 1 to be connected to the second phone, or any other key to hear it back."
    : "This is a Patchthrough test call. Press any key to hear it back.";
  response.gather({ numDigits: 1, timeout: 10, action: callbackUrl(TEST_CALL_PATH, { step: "pressed", connect }) }).say(prompt);
  response.say("We didn't hear a key. Goodbye.");
  response.hangup();
  return response;
}

export function testCallPressed(digits: string, connect?: string): VoiceResponse {
  const response = new VoiceResponse();
  if (digits === "1" && connect) {
    response.say("Connecting you now.");
    response.dial({ callerId: TEST_CALLER_ID, timeout: 20, action: callbackUrl(TEST_CALL_PATH, { step: "dialed" }) }).number(connect);
    return response;
  }
  response.say(`You pressed ${[...digits].join(" ") || "nothing"}. Goodbye.`);
  response.hangup();
  return response;
}

export function testCallDialed(dialCallStatus: string): VoiceResponse {
  const response = new VoiceResponse();
  response.say(dialCallStatus === "completed" ? "The other call has ended. Goodbye." : `The second phone did not connect: ${dialCallStatus}. Goodbye.`);
  response.hangup();
  return response;
}

export function placeTestCall(to: string, connect?: string): Promise<PlacedCall> {
  return placeCall({
    to,
    from: TEST_CALLER_ID,
    url: callbackUrl(TEST_CALL_PATH, { step: "start", connect }),
    statusCallback: callbackUrl(TEST_CALL_PATH, { step: "status" }),
    statusCallbackEvents: ["initiated", "ringing", "answered", "completed"],
    timeout: 30,
  });
}
