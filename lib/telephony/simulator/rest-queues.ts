import { and, asc, eq } from "drizzle-orm";
import { param } from "../webhook";
import type { Simulator } from "./context";
import { queueNamed, waitingIn } from "./enqueue";
import { memberResource, page, queueResource, twilioError } from "./resources";
import type { RestRequest, Route } from "./rest";
import { isUrl } from "./rest-calls";
import { simCalls, simQueues, type SimQueue } from "./schema";
import { record, updateCall } from "./store";

async function members(sim: Simulator, queueSid: string) {
  const waiting = await sim.db.select().from(simCalls).where(waitingIn(queueSid)).orderBy(asc(simCalls.enqueuedAt));
  return waiting.map((call, index) => memberResource(sim, queueSid, call, index + 1, sim.speed));
}

async function describeQueue(sim: Simulator, queue: SimQueue) {
  const waiting = await members(sim, queue.sid);
  const average = waiting.length ? Math.round(waiting.reduce((sum, member) => sum + member.wait_time, 0) / waiting.length) : 0;
  return queueResource(sim, queue, waiting.length, average);
}

async function withQueue(request: RestRequest, then: (queue: SimQueue) => Promise<Response>): Promise<Response> {
  const { sim, ids, notFound } = request;
  const [queue] = await sim.db.select().from(simQueues).where(and(eq(simQueues.sid, ids[0]!), eq(simQueues.accountSid, sim.accountSid)));
  return queue ? then(queue) : notFound();
}

export function queueRoutes(queueSid: string): Route[] {
  return [
    [
      /^\/Queues\.json$/,
      {
        GET: async ({ sim, uri }: RestRequest) => {
          const queues = await sim.db.select().from(simQueues).where(eq(simQueues.accountSid, sim.accountSid)).orderBy(asc(simQueues.createdAt));
          return Response.json(page("queues", await Promise.all(queues.map((queue) => describeQueue(sim, queue))), uri, 1000));
        },
        POST: async ({ sim, form }: RestRequest) => {
          const name = param(form, "FriendlyName");
          if (!name || name.length > 64) return twilioError(400, 20001, "FriendlyName is required and must be at most 64 characters");
          const maxSize = param(form, "MaxSize") ? Number(param(form, "MaxSize")) : 1000;
          if (!Number.isInteger(maxSize) || maxSize < 1 || maxSize > 5000) return twilioError(400, 20001, "MaxSize must be from 1 to 5000");
          return Response.json(await describeQueue(sim, await queueNamed(sim, name, maxSize)), { status: 201 });
        },
      },
    ],
    [new RegExp(`^/Queues/${queueSid}\\.json$`), { GET: (request: RestRequest) => withQueue(request, async (queue) => Response.json(await describeQueue(request.sim, queue))) }],
  ];
}

export function memberRoutes(queueSid: string, callSid: string): Route[] {
  const member = async (request: RestRequest) =>
    withQueue(request, async (queue) => {
      const { sim, ids, form, method, notFound } = request;
      const all = await members(sim, queue.sid);
      const found = ids[1] === "Front" ? all[0] : all.find((entry) => entry.call_sid === ids[1]);
      if (!found) return notFound();
      if (method === "GET") return Response.json(found);
      const url = param(form, "Url");
      if (!isUrl(url)) return twilioError(400, 21205, `Url is not a valid URL: ${url}`);
      await updateCall(sim, found.call_sid, { dequeueUrl: url, dequeueMethod: param(form, "Method") || "POST" });
      await record(sim, found.call_sid, "queue", `Dequeued by the REST API to ${url}`);
      return Response.json(found);
    });
  return [
    [new RegExp(`^/Queues/${queueSid}/Members\\.json$`), { GET: (request: RestRequest) => withQueue(request, async (queue) => Response.json(page("queue_members", await members(request.sim, queue.sid), request.uri, 50))) }],
    [new RegExp(`^/Queues/${queueSid}/Members/(${callSid.slice(1, -1)}|Front)\\.json$`), { GET: member, POST: member }],
  ];
}
