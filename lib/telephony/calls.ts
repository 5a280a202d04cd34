import "server-only";
import { twilioClient } from "./client";
import { TelephonyError, withTelephonyErrors } from "./errors";

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
  /** Seconds the call may last at most, whatever happens in it (Twilio's default is 4 hours). */
  timeLimit?: number;
};

export type PlacedCall = { sid: string; status: string };

/**
 * Asks Twilio to call a number. Throws a TelephonyError carrying Twilio's code
 * when it refuses; any failure without Twilio's answer is one whose
 * `outcomeUnknown` is true, as the call may have been created.
 */
export async function placeCall(call: PlaceCall): Promise<PlacedCall> {
  try {
    return await createCall(call);
  } catch (error) {
    if (error instanceof TelephonyError) throw error;
    throw new TelephonyError(`No usable answer from Twilio: ${(error as Error).message}`, 0, 0);
  }
}

function createCall(call: PlaceCall): Promise<PlacedCall> {
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
      timeLimit: call.timeLimit,
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

export type CallRecord = { sid: string; status: string; dateCreated: Date | null; duration: number | null; answeredBy: string | null };

const toRecord = (call: { sid: string; status: string; dateCreated: Date | null; duration: string | null; answeredBy: string | null }): CallRecord => ({
  sid: call.sid,
  status: call.status,
  dateCreated: call.dateCreated ?? null,
  duration: call.duration === null || call.duration === undefined ? null : Number(call.duration),
  answeredBy: call.answeredBy ?? null,
});

/** What Twilio knows of a call now. */
export function fetchCall(sid: string): Promise<CallRecord> {
  return withTelephonyErrors(async () => toRecord(await twilioClient().calls(sid).fetch()));
}

/**
 * Calls to `to` from `from` created since `since`, oldest first: how to find
 * a call whose creation got no answer. Twilio's list filters by start date
 * only (and a queued call has none), so the time is checked here.
 */
export function findCalls(to: string, from: string, since: Date): Promise<CallRecord[]> {
  return withTelephonyErrors(async () => {
    const found = await twilioClient().calls.list({ to, from, limit: 50 });
    return found
      .map(toRecord)
      .filter((call) => call.dateCreated !== null && call.dateCreated.getTime() >= since.getTime())
      .sort((a, b) => a.dateCreated!.getTime() - b.dateCreated!.getTime());
  });
}
