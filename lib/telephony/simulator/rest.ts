import { and, asc, desc, eq } from "drizzle-orm";
import { parseForm, param, type TwilioParams } from "../webhook";
import type { Simulator } from "./context";
import { E164, newSid } from "./context";
import { queueNamed, waitingIn } from "./enqueue";
import { runOutboundCall } from "./lifecycle";
import { behaviorFor } from "./phone";
import { callResource, incomingNumberResource, memberResource, page, queueResource, SIMULATOR_NUMBERS, twilioError } from "./resources";
import { simCalls, simQueues } from "./schema";
import { getCall, isTerminal, record, updateCall } from "./store";

const CALL_EVENTS = ["initiated", "ringing", "answered", "completed"];
const ROUTES: [RegExp, string][] = [
  [/^\/Calls\.json$/, "calls"],
  [/^\/Calls\/(CA[0-9a-f]{32})\.json$/, "call"],
  [/^\/Queues\.json$/, "queues"],
  [/^\/Queues\/(QU[0-9a-f]{32})\.json$/, "queue"],
  [/^\/Queues\/(QU[0-9a-f]{32})\/Members\.json$/, "members"],
  [/^\/Queues\/(QU[0-9a-f]{32})\/Members\/(CA[0-9a-f]{32}|Front)\.json$/, "member"],
  [/^\/IncomingPhoneNumbers\.json$/, "numbers"],
];

function authorised(sim: Simulator, request: Request): boolean {
  const header = request.headers.get("authorization") ?? "";
  if (!header.startsWith("Basic ")) return false;
  return Buffer.from(header.slice(6), "base64").toString() === `${sim.accountSid}:${sim.authToken}`;
}

const isUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/**
 * Twilio's REST API for calls and queues, at /dev/twilio/2010-04-01/…, for
 * the official SDK pointed here by TWILIO_API_BASE_URL.
 */
export async function handleRest(sim: Simulator, request: Request, path: string): Promise<Response> {
  const notFound = () => twilioError(404, 20404, `The requested resource ${path} was not found`);
  const match = path.match(/^\/2010-04-01\/Accounts\/([^/]+)(\/.*)$/);
  if (!match) return notFound();
  if (!authorised(sim, request) || match[1] !== sim.accountSid) return twilioError(401, 20003, "Authenticate");
  const route = ROUTES.map(([pattern, name]) => ({ name, found: match[2]!.match(pattern) })).find((entry) => entry.found);
  if (!route) return notFound();
  const [, id, memberId] = route.found!;
  const form = request.method === "POST" ? parseForm(await request.text()) : {};
  const key = `${request.method} ${route.name}`;
  if (key === "POST calls") return createCall(sim, form);
  if (key === "GET calls") return listCalls(sim, path, new URL(request.url).searchParams);
  if (key === "GET numbers") {
    const numbers = SIMULATOR_NUMBERS.map((entry, index) => incomingNumberResource(sim, entry, index + 1));
    return Response.json(page("incoming_phone_numbers", numbers, path.split("?")[0]!, 50));
  }
  if (key === "GET call") return withCall(sim, id!, notFound, async (call) => Response.json(callResource(sim, call)));
  if (key === "POST call") return withCall(sim, id!, notFound, (call) => updateCallResource(sim, call.sid, form));
  if (key === "POST queues") return createQueue(sim, form);
  if (key === "GET queues") return listQueues(sim, path);
  if (key === "GET queue") return withQueue(sim, id!, notFound, async (queue) => Response.json(await describeQueue(sim, queue)));
  if (key === "GET members") return withQueue(sim, id!, notFound, async (queue) => Response.json(page("queue_members", await members(sim, queue.sid), path, 50)));
  if (key === "GET member" || key === "POST member") {
    return withQueue(sim, id!, notFound, async (queue) => {
      const all = await members(sim, queue.sid);
      const member = memberId === "Front" ? all[0] : all.find((entry) => entry.call_sid === memberId);
      if (!member) return notFound();
      if (request.method === "GET") return Response.json(member);
      const url = param(form, "Url");
      if (!isUrl(url)) return twilioError(400, 21205, `Url is not a valid URL: ${url}`);
      await updateCall(sim, member.call_sid, { dequeueUrl: url, dequeueMethod: param(form, "Method") || "POST" });
      await record(sim, member.call_sid, "queue", `Dequeued by the REST API to ${url}`);
      return Response.json(member);
    });
  }
  return twilioError(405, 20004, `Method ${request.method} not allowed on ${path}`);
}

async function createCall(sim: Simulator, form: TwilioParams): Promise<Response> {
  const to = param(form, "To");
  const from = param(form, "From");
  const url = param(form, "Url");
  if (!to) return twilioError(400, 21201, "No 'To' number is specified");
  if (!from) return twilioError(400, 21213, "No 'From' number is specified");
  if (!E164.test(to)) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
  if (!E164.test(from)) return twilioError(400, 21212, `The 'From' number ${from} is not a valid phone number.`);
  if (!isUrl(url)) return twilioError(400, 21205, url ? `Url is not a valid URL: ${url}` : "A 'Url' is required to place a call.");
  const fallbackUrl = param(form, "FallbackUrl");
  const statusCallback = param(form, "StatusCallback");
  for (const [name, value] of [["FallbackUrl", fallbackUrl], ["StatusCallback", statusCallback]] as const) {
    if (value && !isUrl(value)) return twilioError(400, 21205, `${name} is not a valid URL: ${value}`);
  }
  const events = ([] as string[]).concat(form.StatusCallbackEvent ?? []).flatMap((event) => event.split(/\s+/)).filter(Boolean);
  const unknownEvent = events.find((event) => !CALL_EVENTS.includes(event));
  if (unknownEvent) return twilioError(400, 21626, `Invalid StatusCallbackEvent: ${unknownEvent}`);
  const timeout = param(form, "Timeout") ? Number(param(form, "Timeout")) : 60;
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 600) return twilioError(400, 20001, "Timeout must be a whole number of seconds from 1 to 600");

  const behavior = await behaviorFor(sim, to);
  if (behavior.answer === "refuse") return twilioError(400, behavior.refuseCode, refusalMessage(behavior.refuseCode, to));

  const [call] = await sim.db
    .insert(simCalls)
    .values({
      sid: newSid("CA"),
      accountSid: sim.accountSid,
      direction: "outbound-api",
      from,
      to,
      status: "queued",
      url,
      method: param(form, "Method") || "POST",
      fallbackUrl: fallbackUrl || null,
      fallbackMethod: param(form, "FallbackMethod") || "POST",
      statusCallback: statusCallback || null,
      statusCallbackMethod: param(form, "StatusCallbackMethod") || "POST",
      statusCallbackEvents: events,
      timeout,
    })
    .returning();
  await record(sim, call!.sid, "event", `Call created to ${to} from ${from}`, { machineDetection: param(form, "MachineDetection") || undefined });
  // The call runs on its own, as on Twilio: the REST answer does not wait for it.
  void runOutboundCall(sim, call!.sid);
  return Response.json(callResource(sim, call!), { status: 201 });
}

function refusalMessage(code: number, to: string): string {
  const messages: Record<number, string> = {
    21211: `The 'To' number ${to} is not a valid phone number.`,
    21214: `'To' phone number ${to} cannot be reached`,
    21215: `Account not authorized to call ${to}. Perhaps you need to enable some international permissions.`,
    21216: `Call blocked: ${to}`,
    21210: "The source 'From' phone number is not verified for your account.",
    20429: "Too Many Requests",
  };
  return messages[code] ?? `Call refused (${code})`;
}

async function updateCallResource(sim: Simulator, sid: string, form: TwilioParams): Promise<Response> {
  const status = param(form, "Status");
  const url = param(form, "Url");
  const call = (await getCall(sim, sid))!;
  if (status && !["canceled", "completed"].includes(status)) return twilioError(400, 21218, `Invalid Status: ${status}`);
  if (url && !isUrl(url)) return twilioError(400, 21205, `Url is not a valid URL: ${url}`);
  if (!isTerminal(call.status)) {
    if (status === "canceled" && ["queued", "ringing"].includes(call.status)) await updateCall(sim, sid, { cancelRequested: true });
    else if (status === "completed") await updateCall(sim, sid, { hangupRequested: true });
    else if (url) await updateCall(sim, sid, { redirectUrl: url, redirectMethod: param(form, "Method") || "POST" });
    await record(sim, sid, "event", status ? `REST update: Status=${status}` : `REST update: Url=${url}`);
  } else if (url) {
    return twilioError(400, 21220, "Call is not in-progress. Cannot redirect.");
  }
  return Response.json(callResource(sim, (await getCall(sim, sid))!));
}

/** Calls, newest first as on Twilio, filtered by To, From and Status when asked (how an app finds a call whose creation got no answer). */
async function listCalls(sim: Simulator, path: string, query: URLSearchParams): Promise<Response> {
  const filters = [eq(simCalls.accountSid, sim.accountSid)];
  for (const [name, column] of [["To", simCalls.to], ["From", simCalls.from], ["Status", simCalls.status]] as const) {
    const value = query.get(name);
    if (value) filters.push(eq(column, value));
  }
  const calls = await sim.db.select().from(simCalls).where(and(...filters)).orderBy(desc(simCalls.createdAt));
  return Response.json(page("calls", calls.map((call) => callResource(sim, call)), path.split("?")[0]!, 50));
}

async function createQueue(sim: Simulator, form: TwilioParams): Promise<Response> {
  const name = param(form, "FriendlyName");
  if (!name || name.length > 64) return twilioError(400, 20001, "FriendlyName is required and must be at most 64 characters");
  const maxSize = param(form, "MaxSize") ? Number(param(form, "MaxSize")) : 1000;
  if (!Number.isInteger(maxSize) || maxSize < 1 || maxSize > 5000) return twilioError(400, 20001, "MaxSize must be from 1 to 5000");
  const queue = await queueNamed(sim, name, maxSize);
  return Response.json(await describeQueue(sim, queue), { status: 201 });
}

async function listQueues(sim: Simulator, path: string): Promise<Response> {
  const queues = await sim.db.select().from(simQueues).where(eq(simQueues.accountSid, sim.accountSid)).orderBy(asc(simQueues.createdAt));
  return Response.json(page("queues", await Promise.all(queues.map((queue) => describeQueue(sim, queue))), path.split("?")[0]!, 1000));
}

async function members(sim: Simulator, queueSid: string) {
  const waiting = await sim.db.select().from(simCalls).where(waitingIn(queueSid)).orderBy(asc(simCalls.enqueuedAt));
  return waiting.map((call, index) => memberResource(sim, queueSid, call, index + 1, sim.speed));
}

async function describeQueue(sim: Simulator, queue: typeof simQueues.$inferSelect) {
  const waiting = await members(sim, queue.sid);
  const average = waiting.length ? Math.round(waiting.reduce((sum, member) => sum + member.wait_time, 0) / waiting.length) : 0;
  return queueResource(sim, queue, waiting.length, average);
}

async function withCall(sim: Simulator, sid: string, notFound: () => Response, then: (call: typeof simCalls.$inferSelect) => Promise<Response>) {
  const call = await getCall(sim, sid);
  return call && call.accountSid === sim.accountSid ? then(call) : notFound();
}

async function withQueue(sim: Simulator, sid: string, notFound: () => Response, then: (queue: typeof simQueues.$inferSelect) => Promise<Response>) {
  const [queue] = await sim.db.select().from(simQueues).where(and(eq(simQueues.sid, sid), eq(simQueues.accountSid, sim.accountSid)));
  return queue ? then(queue) : notFound();
}
