import type { Simulator } from "./context";
import { listNumbers, numberByPhone } from "./account";
import { newSid } from "./ids";
import { runInboundCall } from "./lifecycle";
import { draw } from "./random";
import { simCalls, type SimCall } from "./schema";
import { record } from "./store";

export type InboundCall = { from: string } & ({ to: string } | { url: string });

export type InboundResult = { ok: true; call: SimCall } | { ok: false; field: "to" | "url"; error: string };

/**
 * A phone calls in: to one of the account's numbers (its VoiceUrl answers,
 * its StatusCallback hears the end), or, from the virtual phone, straight to
 * a URL of the app, so a route can be tried by hand. The call then runs on
 * its own, as an outbound call does.
 */
export async function placeInboundCall(sim: Simulator, request: InboundCall): Promise<InboundResult> {
  let to: string;
  let target: { url: string; method: string; fallbackUrl: string | null; fallbackMethod: string; statusCallback: string | null; statusCallbackMethod: string; phoneNumberSid: string };
  if ("to" in request) {
    const number = await numberByPhone(sim, request.to);
    if (!number) return { ok: false, field: "to", error: `${request.to} is not one of the account's numbers` };
    if (!number.voiceUrl) return { ok: false, field: "to", error: `${request.to} has no Voice URL yet, so nothing would answer it` };
    to = number.phoneNumber;
    target = {
      url: number.voiceUrl,
      method: number.voiceMethod,
      fallbackUrl: number.voiceFallbackUrl,
      fallbackMethod: number.voiceFallbackMethod,
      statusCallback: number.statusCallback,
      statusCallbackMethod: number.statusCallbackMethod,
      phoneNumberSid: number.sid,
    };
  } else {
    if (!isAppUrl(sim, request.url)) return { ok: false, field: "url", error: `Only a URL of this app (${sim.appUrl}/…) can be called` };
    const [number] = await listNumbers(sim);
    if (!number) return { ok: false, field: "url", error: "The account has no number to receive the call on" };
    to = number.phoneNumber;
    target = { url: request.url, method: "POST", fallbackUrl: null, fallbackMethod: "POST", statusCallback: null, statusCallbackMethod: "POST", phoneNumberSid: number.sid };
  }
  const [call] = await sim.db
    .insert(simCalls)
    .values({ sid: await newSid(sim, "CA"), accountSid: sim.accountSid, direction: "inbound", from: request.from, to, status: "ringing", statusCallbackEvents: ["completed"], ...target })
    .returning();
  await record(sim, call!.sid, "event", `Incoming call from ${request.from} to ${to}`);
  // Twilio gives inbound PSTN calls a token with which the app may forward them keeping the caller's number.
  const callToken = JSON.stringify({ parentCallInfoToken: draw(sim, call!.sid, "call-token").hex32(), identityHeaderTokens: [] });
  void runInboundCall(sim, call!.sid, { CallToken: callToken });
  return { ok: true, call: call! };
}

function isAppUrl(sim: Simulator, url: string): boolean {
  try {
    const parsed = new URL(url);
    return !!sim.appUrl && parsed.origin === new URL(sim.appUrl).origin;
  } catch {
    return false;
  }
}
