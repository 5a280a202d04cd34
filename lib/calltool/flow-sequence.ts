import "server-only";
import { VoiceResponse } from "../telephony/twiml";
import type { CallScript } from "./call-schema";
import { afterDialTwiml, dialPlace, sayLanguage, stepUrl, targetRetryTwiml, type Place } from "./flow";
import { phoneStrings } from "./phone-strings";
import { scriptTargets, targetAt } from "./sequence";

/**
 * The steps after a dial, for calls that reach several targets in turn and
 * wait out busy lines (flow.ts has the steps before):
 *
 *   target-status: talked (or * pressed) ──► "Next, X" ──► connect (next target)     ── or thanks, at the last
 *                  busy, redials left ──► hold: "busy, we'll try again in M s, press 1 to stop waiting"
 *                                         (a <Gather> around <Say> and <Pause>: keys outside one are lost)
 *                                         silence ──► connect (same target, redial n+1); 1 ──► next
 *                  busy / no answer, not yet retried ──► "press 1 to try again" ──► connect (again); silence ──► next
 *                  otherwise ──► next
 *   next: "We couldn't reach X." + "Next, Y" ──► connect; or, after the last, goodbye (thanks if anyone was reached)
 *
 * Every decision depends only on the step's URL and parameters, so a
 * retried request is answered the same way.
 */

export type AfterDial =
  | { kind: "wait" }
  | { kind: "retry"; status: "busy" | "no-answer" }
  | { kind: "move-on"; talked: boolean }
  /** The member's phone is down: whatever we answer, Twilio won't play it. */
  | { kind: "gone"; talked: boolean };

/** What follows the Dial's action, from the dial's place and Twilio's DialCallStatus. A pure function of the request. */
export function afterDial(place: Place, script: Pick<CallScript, "busyRedial">, status: string, memberStillThere: boolean): AfterDial {
  const talked = status === "completed" || status === "answered";
  if (!memberStillThere) return { kind: "gone", talked: talked || place.met > 0 };
  if (talked) return { kind: "move-on", talked };
  const redials = script.busyRedial?.attempts ?? 0;
  if (status === "busy" && !place.again && place.redial < redials) return { kind: "wait" };
  if ((status === "busy" || status === "no-answer") && !place.again) return { kind: "retry", status };
  return { kind: "move-on", talked: false };
}

/** The TwiML for a dial's outcome (the target-status step). */
export function afterDialResponse(callId: string, place: Place, script: CallScript, step: AfterDial): VoiceResponse {
  switch (step.kind) {
    case "gone":
      return afterDialTwiml(script, step.talked, targetAt(script, place.pos).name);
    case "wait":
      return busyWaitTwiml(callId, place, script);
    case "retry":
      return targetRetryTwiml(callId, place, script, step.status);
    case "move-on":
      return moveOnTwiml(callId, { ...place, met: place.met + (step.talked ? 1 : 0) }, script, step.talked);
  }
}

/**
 * The member waits on the line for the next redial of a busy target. The
 * prompt and the pause are inside one <Gather>, so "1" is heard throughout;
 * when it hears nothing the redial follows. `place` is the busy dial's.
 */
export function busyWaitTwiml(callId: string, place: Place, script: CallScript): VoiceResponse {
  const response = new VoiceResponse();
  const seconds = script.busyRedial?.delaySeconds ?? 30;
  const gather = response.gather({ numDigits: 1, timeout: 1, action: stepUrl(callId, "next", dialPlace(place)) });
  gather.say({ language: sayLanguage(script.language) }, phoneStrings(script.language).busyWaiting(targetAt(script, place.pos).name, seconds));
  gather.pause({ length: seconds });
  response.redirect(stepUrl(callId, "connect", { ...dialPlace(place), dial: place.dial + 1, redial: place.redial + 1 }));
  return response;
}

/**
 * On to the target after `place.pos` ("Next, Y"), or, after the last, the
 * goodbye: thanks only when the member talked to someone in this call.
 * `reached` says whether the target at `place.pos` was reached.
 */
export function moveOnTwiml(callId: string, place: Place, script: CallScript, reached: boolean): VoiceResponse {
  const strings = phoneStrings(script.language);
  const say = { language: sayLanguage(script.language) };
  const missed = targetAt(script, place.pos).name;
  const next = scriptTargets(script)[place.pos];
  if (!next) {
    if (!place.met) return afterDialTwiml(script, false, missed);
    const response = new VoiceResponse();
    if (!reached) response.say(say, strings.couldNotReach(missed));
    response.say(say, strings.thanksForCalling);
    response.hangup();
    return response;
  }
  const response = new VoiceResponse();
  if (!reached) response.say(say, strings.couldNotReach(missed));
  response.say(say, strings.nextTarget(next.name));
  response.redirect(stepUrl(callId, "connect", { attempt: place.attempt, dial: place.dial + 1, pos: place.pos + 1, met: place.met }));
  return response;
}
