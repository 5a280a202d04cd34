import type { Simulator } from "./context";
import { E164, simulatedSeconds, sleep } from "./context";
import { mayCallFrom } from "./account";
import { CallEnded, POLL_MS } from "./control";
import { bridge } from "./bridge";
import { dialQueue } from "./dial-queue";
import { newSid } from "./ids";
import { runTwiml, type TwimlOutcome } from "./interpreter";
import { behaviorFor, ring, runPhoneScript } from "./phone";
import { simCalls, type SimCall } from "./schema";
import { getCall, isTerminal, record, setActivity, updateCall } from "./store";
import { intAttr, type TwimlNode } from "./twiml-document";

export type DialParams = {
  DialCallStatus: string;
  DialCallSid?: string;
  DialCallDuration?: string;
  DialBridged: string;
  ErrorCode?: string;
  ErrorMessage?: string;
};

export type DialOutcome = {
  params: DialParams;
  /** The dialling caller hung up: the Dial's action is told, but nothing more runs. */
  callerHungUp?: boolean;
};

/** Twilio's <Dial> errors for a number it will not ring, by the REST refusal the same number would get. */
const DIAL_REFUSALS: Record<number, [number, string]> = {
  21215: [13227, "Dial: No international authorization for this number"],
  21216: [13225, "Dial: Forbidden phone number"],
};

/**
 * <Dial> with a <Number> (or a bare number): checks the caller ID, rings a
 * new outbound-dial leg, runs the <Number url> document on it in full, and
 * bridges the two only if that document ran to its end.
 */
export async function dial(sim: Simulator, parent: SimCall, node: TwimlNode, documentUrl: string): Promise<DialOutcome> {
  const queue = node.children.find((child) => child.name === "Queue");
  if (queue) return dialQueue(sim, parent, node, queue, documentUrl);

  const numberNode = node.children.find((child) => child.name === "Number");
  const to = (numberNode?.text ?? node.text).trim();
  const timeout = intAttr(node, "timeout", 30);
  const failed = async (code: number, message: string, childSid?: string): Promise<DialOutcome> => {
    await record(sim, parent.sid, "error", message, { code });
    return { params: { DialCallStatus: "failed", ...(childSid ? { DialCallSid: childSid, DialCallDuration: "0" } : {}), DialBridged: "false", ErrorCode: String(code), ErrorMessage: message } };
  };
  if (!E164.test(to)) return failed(13224, `Dial: Twilio does not support calling this number or the number is invalid: ${to}`);
  const hangupOnStar = node.attrs.hangupOnStar;
  if (hangupOnStar !== undefined && hangupOnStar !== "true" && hangupOnStar !== "false") {
    await record(sim, parent.sid, "warning", `Dial: Invalid hangupOnStar value: ${hangupOnStar}`, { code: 13213 });
  }
  const callerId = node.attrs.callerId?.trim();
  if (callerId && !(await mayCallFrom(sim, callerId))) {
    return failed(13214, `Dial: Invalid callerId value: ${callerId} is neither a number of this account nor a verified caller ID`);
  }

  const [child] = await sim.db
    .insert(simCalls)
    .values({ sid: await newSid(sim, "CA", parent.sid), accountSid: sim.accountSid, parentCallSid: parent.sid, direction: "outbound-dial", from: callerId || parent.from, to, status: "queued", timeout })
    .returning();
  const leg = child!;
  await record(sim, parent.sid, "dial", `Dialling ${to}`, { childSid: leg.sid, timeout, callerId: leg.from });
  await setActivity(sim, parent.sid, `Dialling ${to}…`);

  const behavior = await behaviorFor(sim, to);
  const parentHungUp = async () => !!(await getCall(sim, parent.sid))?.hangupRequested;
  if (behavior.answer === "refuse" || behavior.answer === "fail") {
    const [code, message] = DIAL_REFUSALS[behavior.refuseCode] ?? [13224, `Dial: the call to ${to} could not be connected`];
    await updateCall(sim, leg.sid, { status: "failed", endTime: new Date(), errorCode: behavior.answer === "refuse" ? code : null, errorMessage: behavior.answer === "refuse" ? message : null });
    if (behavior.answer === "refuse") return failed(code, message, leg.sid);
    await record(sim, parent.sid, "dial", `${to} failed before it rang`);
    return { params: { DialCallStatus: "failed", DialCallSid: leg.sid, DialCallDuration: "0", DialBridged: "false" } };
  }
  const outcome = await ring(sim, leg, timeout, parentHungUp);
  if (outcome !== "answered") {
    await updateCall(sim, leg.sid, { status: outcome, endTime: new Date(), activity: "" });
    await record(sim, parent.sid, "dial", `${to} did not connect: ${outcome}`);
    return { params: { DialCallStatus: outcome, DialCallSid: leg.sid, DialCallDuration: "0", DialBridged: "false" }, callerHungUp: await parentHungUp() };
  }

  const answeredAt = new Date();
  await updateCall(sim, leg.sid, { status: "in-progress", startTime: answeredAt });
  const sendDigits = numberNode?.attrs.sendDigits;
  if (sendDigits) {
    // w is half a second's pause, W a second's.
    await sleep(sim, [...sendDigits].reduce((seconds, key) => seconds + (key === "w" ? 0.5 : key === "W" ? 1 : 0), 0));
    await record(sim, leg.sid, "digits", `Received tones ${sendDigits.replace(/[wW]/g, "")}`);
  }
  runPhoneScript(sim, leg.sid, behavior);
  const endLeg = async () => {
    const row = await getCall(sim, leg.sid);
    if (row && !isTerminal(row.status)) {
      const endTime = new Date();
      await updateCall(sim, leg.sid, { status: "completed", endTime, duration: row.startTime ? simulatedSeconds(sim, row.startTime, endTime) : 0, activity: "", gathering: false });
    }
  };

  // <Number url>: TwiML for the called party, run on their leg before the two are bridged.
  const whisperUrl = numberNode?.attrs.url;
  if (whisperUrl) {
    const whispered = await whisper(sim, leg.sid, parentHungUp, new URL(whisperUrl, documentUrl).toString(), numberNode.attrs.method ?? "POST");
    if (whispered !== "done") {
      await endLeg();
      await record(sim, parent.sid, "dial", `${to} was not connected: its <Number url> document ended with ${whispered}`);
      const seconds = String((await getCall(sim, leg.sid))?.duration ?? 0);
      return { params: { DialCallStatus: "completed", DialCallSid: leg.sid, DialCallDuration: seconds, DialBridged: "false" }, callerHungUp: await parentHungUp() };
    }
  }

  // DialCallDuration is the dialled call's length, from its answer (whisper included) to its end.
  const legSeconds = async () => String((await getCall(sim, leg.sid))?.duration ?? simulatedSeconds(sim, answeredAt));
  try {
    // hangupOnStar: the caller's * hangs up on the called party, and the Dial's action (or the next verb) follows.
    await bridge(sim, parent.sid, leg.sid, endLeg, intAttr(node, "timeLimit", 14_400), node.attrs.hangupOnStar === "true");
    return { params: { DialCallStatus: "completed", DialCallSid: leg.sid, DialCallDuration: await legSeconds(), DialBridged: "true" } };
  } catch (error) {
    if (!(error instanceof CallEnded)) throw error;
    return { params: { DialCallStatus: "completed", DialCallSid: leg.sid, DialCallDuration: await legSeconds(), DialBridged: "true" }, callerHungUp: true };
  }
}

/**
 * Runs the <Number url> document on the dialled leg, in full: Say, Play,
 * Pause, Gather (and its action), Redirect, Hangup. The caller hears ringing
 * meanwhile; if they hang up, the leg is hung up too.
 */
async function whisper(sim: Simulator, legSid: string, parentHungUp: () => Promise<boolean>, url: string, method: string): Promise<TwimlOutcome> {
  let running = true;
  const guard = (async () => {
    while (running) {
      if (await parentHungUp()) {
        await updateCall(sim, legSid, { hangupRequested: true });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();
  try {
    return await runTwiml(sim, legSid, { url, method, params: {} }, { whisper: true });
  } finally {
    running = false;
    await guard;
  }
}
