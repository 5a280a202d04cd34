import { and, eq, sql } from "drizzle-orm";
import { selectRows } from "../../db/client";
import type { Simulator } from "./context";
import { E164, newSid, simulatedSeconds, sleep } from "./context";
import { CallEnded } from "./control";
import { bridge } from "./bridge";
import { behaviorFor, ring, runPhoneScript } from "./phone";
import { playPrompt } from "./prompts";
import { fetchTwiml } from "./requests";
import { simCalls, simQueues, type SimCall } from "./schema";
import { getCall, isTerminal, record, setActivity, updateCall } from "./store";
import { intAttr, parseTwiml, type TwimlNode } from "./twiml-document";

export type DialOutcome = {
  params: { DialCallStatus: string; DialCallSid?: string; DialCallDuration?: string; DialBridged: string };
  /** The dialling caller hung up: the Dial's action is told, but nothing more runs. */
  callerHungUp?: boolean;
};


/** <Dial> with a <Number> (or a bare number): rings a new outbound-dial leg and bridges it on answer. */
export async function dial(sim: Simulator, parent: SimCall, node: TwimlNode, documentUrl: string): Promise<DialOutcome> {
  const queue = node.children.find((child) => child.name === "Queue");
  if (queue) return dialQueue(sim, parent, node, queue, documentUrl);

  const numberNode = node.children.find((child) => child.name === "Number");
  const to = (numberNode?.text ?? node.text).trim();
  const timeout = intAttr(node, "timeout", 30);
  if (!E164.test(to)) {
    await record(sim, parent.sid, "error", `Dial: Twilio does not support calling this number or the number is invalid: ${to}`, { code: 13224 });
    return { params: { DialCallStatus: "failed", DialBridged: "false" } };
  }

  const [child] = await sim.db
    .insert(simCalls)
    .values({
      sid: newSid("CA"),
      accountSid: sim.accountSid,
      parentCallSid: parent.sid,
      direction: "outbound-dial",
      from: node.attrs.callerId ?? parent.from,
      to,
      status: "queued",
      timeout,
    })
    .returning();
  await record(sim, parent.sid, "dial", `Dialling ${to}`, { childSid: child!.sid, timeout, callerId: child!.from });
  await setActivity(sim, parent.sid, `Dialling ${to}…`);

  const parentHungUp = async () => !!(await getCall(sim, parent.sid))?.hangupRequested;
  const outcome = await ring(sim, child!, timeout, parentHungUp);
  if (outcome !== "answered") {
    await updateCall(sim, child!.sid, { status: outcome, endTime: new Date(), activity: "" });
    await record(sim, parent.sid, "dial", `${to} did not connect: ${outcome}`);
    return { params: { DialCallStatus: outcome, DialCallSid: child!.sid, DialCallDuration: "0", DialBridged: "false" }, callerHungUp: await parentHungUp() };
  }

  await updateCall(sim, child!.sid, { status: "in-progress", startTime: new Date() });
  const sendDigits = numberNode?.attrs.sendDigits;
  if (sendDigits) {
    // w is half a second's pause, W a second's.
    await sleep(sim, [...sendDigits].reduce((seconds, key) => seconds + (key === "w" ? 0.5 : key === "W" ? 1 : 0), 0));
    await record(sim, child!.sid, "digits", `Received tones ${sendDigits.replace(/[wW]/g, "")}`);
  }
  runPhoneScript(sim, child!.sid, await behaviorFor(sim, to));
  // <Number url>: TwiML for the called party, run on their leg before the two are bridged.
  const whisperUrl = numberNode?.attrs.url;
  if (whisperUrl) {
    const answered = (await getCall(sim, child!.sid))!;
    const fetched = await fetchTwiml(sim, answered, new URL(whisperUrl, documentUrl).toString(), numberNode.attrs.method ?? "POST");
    const parsed = fetched.ok ? parseTwiml(fetched.body) : null;
    if (!fetched.ok) await record(sim, child!.sid, "error", fetched.problem, { code: 11200 });
    for (const verb of parsed?.ok ? parsed.verbs : []) {
      if (["Say", "Play", "Pause"].includes(verb.name)) await playPrompt(sim, child!.sid, verb).catch(() => undefined);
    }
  }

  const endChild = async () => {
    const row = await getCall(sim, child!.sid);
    if (row && !isTerminal(row.status)) {
      const endTime = new Date();
      const duration = row.startTime ? Math.round(((endTime.getTime() - row.startTime.getTime()) / 1000) * sim.speed) : 0;
      await updateCall(sim, child!.sid, { status: "completed", endTime, duration, activity: "" });
    }
  };
  const answeredAt = new Date();
  try {
    const seconds = await bridge(sim, parent.sid, child!.sid, endChild);
    return { params: { DialCallStatus: "completed", DialCallSid: child!.sid, DialCallDuration: String(seconds), DialBridged: "true" } };
  } catch (error) {
    if (!(error instanceof CallEnded)) throw error;
    const seconds = String(simulatedSeconds(sim, answeredAt));
    return { params: { DialCallStatus: "completed", DialCallSid: child!.sid, DialCallDuration: seconds, DialBridged: "true" }, callerHungUp: true };
  }
}

/** Claims the caller at the front of a queue for `dequeuer`, atomically, so two dialers never take the same caller. */
async function claimFront(sim: Simulator, queueSid: string, dequeuer: string): Promise<SimCall | undefined> {
  const [claimed] = await selectRows<{ sid: string }>(
    sim.db,
    sql`update sim_calls set dequeued_by = ${dequeuer}
        where sid = (select sid from sim_calls
                     where queue_sid = ${queueSid} and dequeued_by is null and dequeue_url is null and status = 'in-progress'
                     order by enqueued_at limit 1 for update skip locked)
        returning sid`,
  );
  return claimed ? getCall(sim, claimed.sid) : undefined;
}

/**
 * <Dial><Queue>: takes the first caller waiting in the named queue, waiting
 * for one up to the Dial timeout, plays the Queue's url TwiML to that caller,
 * then bridges the two.
 */
async function dialQueue(sim: Simulator, dialer: SimCall, node: TwimlNode, queueNode: TwimlNode, documentUrl: string): Promise<DialOutcome> {
  const name = queueNode.text.trim();
  const [queue] = await sim.db
    .select()
    .from(simQueues)
    .where(and(eq(simQueues.accountSid, sim.accountSid), eq(simQueues.friendlyName, name)));
  if (!queue) {
    await record(sim, dialer.sid, "error", `Dial: queue "${name}" does not exist`, { code: 13225 });
    return { params: { DialCallStatus: "failed", DialBridged: "false" } };
  }
  await setActivity(sim, dialer.sid, `Waiting for a caller in queue ${name}`);
  await record(sim, dialer.sid, "queue", `Dialling queue ${name}`);

  // An empty queue is waited on until the Dial's timeout, as Twilio does.
  let member: SimCall | undefined;
  const deadline = Date.now() + (intAttr(node, "timeout", 30) * 1000) / sim.speed;
  while (!member) {
    member = await claimFront(sim, queue.sid, dialer.sid);
    if (member || Date.now() >= deadline) break;
    const row = await getCall(sim, dialer.sid);
    if (!row || row.hangupRequested || row.redirectUrl) break;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  if (!member) {
    const hungUp = !!(await getCall(sim, dialer.sid))?.hangupRequested;
    return { params: { DialCallStatus: hungUp ? "canceled" : "no-answer", DialBridged: "false" }, callerHungUp: hungUp };
  }

  const queueTime = member.enqueuedAt ? Math.round(((Date.now() - member.enqueuedAt.getTime()) / 1000) * sim.speed) : 0;
  const url = queueNode.attrs.url;
  if (url) {
    const fetched = await fetchTwiml(sim, member, new URL(url, documentUrl).toString(), queueNode.attrs.method ?? "POST", {
      QueueSid: queue.sid,
      QueueTime: String(queueTime),
      DequeingCallSid: dialer.sid,
    });
    const parsed = fetched.ok ? parseTwiml(fetched.body) : null;
    for (const verb of parsed?.ok ? parsed.verbs : []) {
      if (["Say", "Play", "Pause"].includes(verb.name)) await playPrompt(sim, member.sid, verb).catch(() => undefined);
    }
  }
  const bridgedAt = new Date();
  try {
    const seconds = await bridge(sim, dialer.sid, member.sid, async () => {});
    return { params: { DialCallStatus: "completed", DialCallSid: member.sid, DialCallDuration: String(seconds), DialBridged: "true" } };
  } catch (error) {
    if (!(error instanceof CallEnded)) throw error;
    const seconds = String(simulatedSeconds(sim, bridgedAt));
    return { params: { DialCallStatus: "completed", DialCallSid: member.sid, DialCallDuration: seconds, DialBridged: "true" }, callerHungUp: true };
  }
}

