import { and, eq, sql } from "drizzle-orm";
import { selectRows } from "../../db/client";
import type { Simulator } from "./context";
import { simulatedSeconds } from "./context";
import { CallEnded, POLL_MS } from "./control";
import { bridge } from "./bridge";
import type { DialOutcome } from "./dial";
import { playPrompt } from "./prompts";
import { fetchTwiml } from "./requests";
import { simQueues, type SimCall } from "./schema";
import { getCall, record, setActivity } from "./store";
import { intAttr, parseTwiml, type TwimlNode } from "./twiml-document";

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
export async function dialQueue(sim: Simulator, dialer: SimCall, node: TwimlNode, queueNode: TwimlNode, documentUrl: string): Promise<DialOutcome> {
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
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
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
    const { seconds } = await bridge(sim, dialer.sid, member.sid, async () => {});
    return { params: { DialCallStatus: "completed", DialCallSid: member.sid, DialCallDuration: String(seconds), DialBridged: "true" } };
  } catch (error) {
    if (!(error instanceof CallEnded)) throw error;
    const seconds = String(simulatedSeconds(sim, bridgedAt));
    return { params: { DialCallStatus: "completed", DialCallSid: member.sid, DialCallDuration: seconds, DialBridged: "true" }, callerHungUp: true };
  }
}

