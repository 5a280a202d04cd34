import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Simulator } from "./context";
import { simulatedSeconds } from "./context";
import { newSid } from "./ids";
import { CallEnded, watch } from "./control";
import { playPrompt } from "./prompts";
import { fetchTwiml } from "./requests";
import { simCalls, simQueues, type SimCall, type SimQueue } from "./schema";
import { getCall, record, setActivity, updateCall } from "./store";
import { parseTwiml, type TwimlNode } from "./twiml-document";

export type EnqueueOutcome = {
  QueueResult: "bridged" | "redirected" | "hangup" | "queue-full";
  QueueSid: string;
  QueueTime: string;
  /** Where a REST dequeue sent the call. */
  redirect?: { url: string; method: string };
};

/** The account's queue with this name, created on first use as Twilio does. */
export async function queueNamed(sim: Simulator, friendlyName: string, maxSize = 1000): Promise<SimQueue> {
  await sim.db.insert(simQueues).values({ sid: await newSid(sim, "QU"), accountSid: sim.accountSid, friendlyName, maxSize }).onConflictDoNothing();
  const [queue] = await sim.db
    .select()
    .from(simQueues)
    .where(and(eq(simQueues.accountSid, sim.accountSid), eq(simQueues.friendlyName, friendlyName)));
  return queue!;
}

/** Callers waiting in a queue: enqueued, still up, not yet taken. */
export function waitingIn(queueSid: string) {
  return and(eq(simCalls.queueSid, queueSid), isNull(simCalls.dequeuedBy), isNull(simCalls.dequeueUrl), eq(simCalls.status, "in-progress"));
}

const leftQueue = (row: SimCall) => !!row.dequeuedBy || !!row.dequeueUrl;

/**
 * <Enqueue>: the call waits (hearing waitUrl's TwiML, or hold music) until a
 * <Dial><Queue> takes it, the REST API dequeues it to a URL, or it hangs up.
 */
export async function enqueue(sim: Simulator, call: SimCall, node: TwimlNode, documentUrl: string): Promise<EnqueueOutcome> {
  const queue = await queueNamed(sim, node.text.trim());
  const [{ waiting } = { waiting: 0 }] = await sim.db.select({ waiting: count() }).from(simCalls).where(waitingIn(queue.sid));
  if (waiting >= queue.maxSize) return { QueueResult: "queue-full", QueueSid: queue.sid, QueueTime: "0" };

  const enqueuedAt = new Date();
  await updateCall(sim, call.sid, { queueSid: queue.sid, enqueuedAt, dequeuedBy: null, dequeueUrl: null, bridgeEndedAt: null });
  await record(sim, call.sid, "queue", `Waiting in queue ${queue.friendlyName}`, { queueSid: queue.sid });
  const queueTime = () => String(simulatedSeconds(sim, enqueuedAt));
  const leave = () => updateCall(sim, call.sid, { queueSid: null });

  try {
    let row = (await getCall(sim, call.sid))!;
    while (!leftQueue(row)) {
      row = await holdOnce(sim, row, node, documentUrl, queue);
    }
    if (row.dequeueUrl) {
      await leave();
      return { QueueResult: "redirected", QueueSid: queue.sid, QueueTime: queueTime(), redirect: { url: row.dequeueUrl, method: row.dequeueMethod ?? "POST" } };
    }
    // Taken by a <Dial><Queue>: the dialler's runner drives the bridge; wait for it to end.
    await watch(sim, call.sid, 4 * 3600, (current) => !!current.bridgeEndedAt);
    await leave();
    return { QueueResult: "bridged", QueueSid: queue.sid, QueueTime: queueTime() };
  } catch (error) {
    if (!(error instanceof CallEnded)) throw error;
    const row = await getCall(sim, call.sid);
    await leave();
    throw new QueueCallerHungUp({ QueueResult: row?.dequeuedBy ? "bridged" : "hangup", QueueSid: queue.sid, QueueTime: queueTime() });
  }
}

/** The caller hung up while queued (or bridged from the queue); the Enqueue action still hears about it. */
export class QueueCallerHungUp extends CallEnded {
  constructor(readonly outcome: EnqueueOutcome) {
    super();
  }
}

/** One round of hold: waitUrl's prompts (Twilio loops waitUrl), or hold music. Answers the call's row after it. */
async function holdOnce(sim: Simulator, row: SimCall, node: TwimlNode, documentUrl: string, queue: SimQueue): Promise<SimCall> {
  const waitUrl = node.attrs.waitUrl;
  if (!waitUrl) {
    await setActivity(sim, row.sid, `On hold in queue ${queue.friendlyName}`);
    return (await watch(sim, row.sid, 30, leftQueue)).row;
  }
  const [{ position } = { position: 1 }] = await sim.db
    .select({ position: count() })
    .from(simCalls)
    .where(and(waitingIn(queue.sid), sql`${simCalls.enqueuedAt} <= ${row.enqueuedAt}`));
  const fetched = await fetchTwiml(sim, row, new URL(waitUrl, documentUrl).toString(), node.attrs.waitUrlMethod ?? "POST", {
    QueueSid: queue.sid,
    QueuePosition: String(position),
    QueueTime: String(row.enqueuedAt ? simulatedSeconds(sim, row.enqueuedAt) : 0),
    MaxQueueSize: String(queue.maxSize),
  });
  const parsed = fetched.ok ? parseTwiml(fetched.body) : null;
  const prompts = parsed?.ok ? parsed.verbs.filter((verb) => ["Say", "Play", "Pause"].includes(verb.name)) : [];
  for (const prompt of prompts) {
    if ((await playPrompt(sim, row.sid, prompt, leftQueue)) === "interrupted") break;
  }
  if (prompts.length === 0) await watch(sim, row.sid, 30, leftQueue);
  return (await getCall(sim, row.sid))!;
}
