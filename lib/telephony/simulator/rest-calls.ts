import { and, asc, eq, type SQL } from "drizzle-orm";
import { param } from "../webhook";
import { mayCallFrom } from "./account";
import { E164 } from "./context";
import { newSid } from "./ids";
import { runOutboundCall } from "./lifecycle";
import { takeDialSlot } from "./pacing";
import { behaviorFor } from "./phone";
import { callResource, page, twilioError } from "./resources";
import type { RestRequest } from "./rest";
import { simCalls } from "./schema";
import { getCall, isTerminal, record, updateCall } from "./store";

const CALL_EVENTS = ["initiated", "ringing", "answered", "completed"];

export const isUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const invalid = (message: string) => twilioError(400, 20001, message);

/** The REST refusals a scripted number can get, in Twilio's words. */
function refusalMessage(code: number, to: string): string {
  const messages: Record<number, string> = {
    21211: `The 'To' number ${to} is not a valid phone number.`,
    21214: `'To' phone number ${to} cannot be reached`,
    21215: `Account not authorized to call ${to}. Perhaps you need to enable some international permissions.`,
    21216: `Call blocked: ${to}`,
    20429: "Too Many Requests",
  };
  return messages[code] ?? `Call refused (${code})`;
}

export async function createCall({ sim, form }: RestRequest): Promise<Response> {
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
  const amdCallback = param(form, "AsyncAmdStatusCallback");
  for (const [name, value] of [["FallbackUrl", fallbackUrl], ["StatusCallback", statusCallback], ["AsyncAmdStatusCallback", amdCallback]] as const) {
    if (value && !isUrl(value)) return twilioError(400, 21205, `${name} is not a valid URL: ${value}`);
  }
  const events = ([] as string[]).concat(form.StatusCallbackEvent ?? []).flatMap((event) => event.split(/\s+/)).filter(Boolean);
  const unknownEvent = events.find((event) => !CALL_EVENTS.includes(event));
  if (unknownEvent) return twilioError(400, 21626, `Invalid StatusCallbackEvent: ${unknownEvent}`);
  const timeout = param(form, "Timeout") ? Number(param(form, "Timeout")) : 60;
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 600) return invalid("Timeout must be a whole number of seconds from 1 to 600");
  const timeLimit = param(form, "TimeLimit") ? Number(param(form, "TimeLimit")) : 14_400;
  if (!Number.isInteger(timeLimit) || timeLimit < 1 || timeLimit > 86_400) return invalid("TimeLimit must be a whole number of seconds from 1 to 86400");
  const machineDetection = param(form, "MachineDetection");
  if (machineDetection && !["Enable", "DetectMessageEnd"].includes(machineDetection)) return invalid("MachineDetection must be Enable or DetectMessageEnd");
  const detectionTimeout = param(form, "MachineDetectionTimeout") ? Number(param(form, "MachineDetectionTimeout")) : 30;
  if (!Number.isInteger(detectionTimeout) || detectionTimeout < 3 || detectionTimeout > 59) return invalid("MachineDetectionTimeout must be from 3 to 59 seconds");

  if (!(await mayCallFrom(sim, from))) {
    return twilioError(400, 21210, `The source phone number provided, ${from}, is not yet verified for your account. You may only make calls from phone numbers that you've verified or purchased from Twilio.`);
  }
  const behavior = await behaviorFor(sim, to);
  if (behavior.answer === "refuse") return twilioError(400, behavior.refuseCode, refusalMessage(behavior.refuseCode, to));

  const createdAt = new Date();
  const { dialAt, queueTime } = await takeDialSlot(sim, createdAt);
  const [call] = await sim.db
    .insert(simCalls)
    .values({
      sid: await newSid(sim, "CA"),
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
      timeLimit,
      dialAt,
      queueTime,
      machineDetection: machineDetection || null,
      machineDetectionTimeout: detectionTimeout,
      asyncAmd: param(form, "AsyncAmd") === "true",
      asyncAmdStatusCallback: amdCallback || null,
      asyncAmdStatusCallbackMethod: param(form, "AsyncAmdStatusCallbackMethod") || "POST",
      createdAt,
    })
    .returning();
  await record(sim, call!.sid, "event", `Call created to ${to} from ${from}${queueTime > 0 ? `, queued ${queueTime} ms for the account's ${sim.cps} call(s) a second` : ""}`, {
    machineDetection: machineDetection || undefined,
  });
  // The call runs on its own, as on Twilio: the REST answer does not wait for it.
  void runOutboundCall(sim, call!.sid);
  return Response.json(callResource(sim, call!), { status: 201 });
}

export async function fetchCall({ sim, ids, notFound }: RestRequest): Promise<Response> {
  const call = await getCall(sim, ids[0]!);
  return call && call.accountSid === sim.accountSid ? Response.json(callResource(sim, call)) : notFound();
}

export async function updateCallResource({ sim, ids, form, notFound }: RestRequest): Promise<Response> {
  const call = await getCall(sim, ids[0]!);
  if (!call || call.accountSid !== sim.accountSid) return notFound();
  const sid = call.sid;
  const status = param(form, "Status");
  const url = param(form, "Url");
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

/** The account's calls, oldest first, filtered as Twilio allows by To, From, Status and ParentCallSid. */
export async function listCalls({ sim, query, uri }: RestRequest): Promise<Response> {
  const filters: SQL[] = [eq(simCalls.accountSid, sim.accountSid)];
  for (const [name, column] of [["To", simCalls.to], ["From", simCalls.from], ["Status", simCalls.status], ["ParentCallSid", simCalls.parentCallSid]] as const) {
    const value = query.get(name);
    if (value) filters.push(eq(column, value));
  }
  const calls = await sim.db.select().from(simCalls).where(and(...filters)).orderBy(asc(simCalls.createdAt));
  return Response.json(page("calls", calls.map((call) => callResource(sim, call)), uri, 50));
}
