import "server-only";
import { twilioClient } from "./client";
import { withTelephonyErrors } from "./errors";

export const CALL_EVENTS = ["initiated", "ringing", "answered", "completed"] as const;
export type CallEvent = (typeof CALL_EVENTS)[number];

export type PlaceCall = {
  to: string;
  from: string;
  /** Absolute URL of the TwiML for the answered call (see urls.ts). */
  url: string;
  statusCallback?: string;
  statusCallbackEvents?: readonly CallEvent[];
  /** Seconds to let the phone ring before giving up (Twilio's default is 60). */
  timeout?: number;
  machineDetection?: "Enable" | "DetectMessageEnd";
};

export type PlacedCall = { sid: string; status: string };

/** Asks Twilio to call a number. Throws a TelephonyError carrying Twilio's code when it refuses. */
export function placeCall(call: PlaceCall): Promise<PlacedCall> {
  return withTelephonyErrors(async () => {
    const created = await twilioClient().calls.create({
      to: call.to,
      from: call.from,
      url: call.url,
      method: "POST",
      statusCallback: call.statusCallback,
      statusCallbackEvent: call.statusCallbackEvents ? [...call.statusCallbackEvents] : undefined,
      statusCallbackMethod: call.statusCallback ? "POST" : undefined,
      timeout: call.timeout,
      machineDetection: call.machineDetection,
    });
    return { sid: created.sid, status: created.status };
  });
}

/** Ends a call: cancels it while it rings, hangs it up once answered. */
export function endCall(sid: string, phase: "ringing" | "answered"): Promise<PlacedCall> {
  return withTelephonyErrors(async () => {
    const updated = await twilioClient().calls(sid).update({ status: phase === "ringing" ? "canceled" : "completed" });
    return { sid: updated.sid, status: updated.status };
  });
}

/** Sends a live call to new TwiML. */
export function redirectCall(sid: string, url: string): Promise<PlacedCall> {
  return withTelephonyErrors(async () => {
    const updated = await twilioClient().calls(sid).update({ url, method: "POST" });
    return { sid: updated.sid, status: updated.status };
  });
}

export function fetchCall(sid: string) {
  return withTelephonyErrors(() => twilioClient().calls(sid).fetch());
}
