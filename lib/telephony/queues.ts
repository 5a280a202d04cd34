import "server-only";
import { twilioClient } from "./client";
import { withTelephonyErrors } from "./errors";

/** The queue with this name, created if it does not exist yet. */
export function findOrCreateQueue(friendlyName: string): Promise<{ sid: string; friendlyName: string }> {
  return withTelephonyErrors(async () => {
    const queues = await twilioClient().queues.list({ limit: 1000 });
    const existing = queues.find((queue) => queue.friendlyName === friendlyName);
    const queue = existing ?? (await twilioClient().queues.create({ friendlyName }));
    return { sid: queue.sid, friendlyName: queue.friendlyName };
  });
}

export function listQueueMembers(queueSid: string): Promise<{ callSid: string; position: number; waitTime: number }[]> {
  return withTelephonyErrors(async () => {
    const members = await twilioClient().queues(queueSid).members.list();
    return members.map((member) => ({ callSid: member.callSid, position: member.position, waitTime: member.waitTime }));
  });
}

/** Takes a waiting call (or the one at the front) out of the queue and sends it to new TwiML. */
export function dequeueMember(queueSid: string, callSid: string | "Front", url: string): Promise<void> {
  return withTelephonyErrors(async () => {
    await twilioClient().queues(queueSid).members(callSid).update({ url, method: "POST" });
  });
}
