import { desc, inArray } from "drizzle-orm";
import { z } from "zod";
import { E164, type Simulator } from "./context";
import { phoneBehaviorSchema, setBehavior, clearBehaviors } from "./phone";
import { simCallLog, simCalls, simPhones } from "./schema";
import { getCall, isTerminal, pressDigits, record, updateCall } from "./store";
import { fieldErrorsOf } from "../../zod/errors";

const LOG_KINDS_SHOWN = ["say", "play", "digits", "dial", "queue", "error", "warning", "event"];

const bad = (message: string, errors?: Record<string, string>) => Response.json({ error: message, errors }, { status: 422 });

/**
 * The virtual phone's JSON API, under /dev/phone/api. Tests script numbers
 * with it; the /dev/phone page uses it to show calls and to answer, decline,
 * hang up and press keys.
 *
 *   GET    calls                      recent calls with what each line hears
 *   POST   calls/{sid}/answer|decline|hangup
 *   POST   calls/{sid}/digits         { "digits": "1" }
 *   GET    numbers                    scripted numbers
 *   PUT    numbers/{+E164}            { answer, answerAfter, digits: [{ after, digits }], hangupAfter, refuseCode }
 *   DELETE numbers                    forget every script
 */
export async function handlePhoneApi(sim: Simulator, request: Request, segments: string[]): Promise<Response> {
  const [resource, id, action] = segments;
  if (resource === "calls" && !id && request.method === "GET") return Response.json({ calls: await recentCalls(sim) });
  if (resource === "calls" && id && action && request.method === "POST") return controlCall(sim, id, action, request);
  if (resource === "numbers" && !id && request.method === "GET") return Response.json({ numbers: await sim.db.select().from(simPhones) });
  if (resource === "numbers" && !id && request.method === "DELETE") {
    await clearBehaviors(sim);
    return new Response(null, { status: 204 });
  }
  if (resource === "numbers" && id && (request.method === "PUT" || request.method === "POST")) {
    const number = decodeURIComponent(id);
    if (!E164.test(number)) return bad("Numbers are in E.164 form, like +447700900123", { number: "not an E.164 number" });
    const parsed = phoneBehaviorSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return bad("That behaviour is not valid", fieldErrorsOf(parsed.error));
    await setBehavior(sim, number, parsed.data);
    return Response.json({ number, behavior: parsed.data });
  }
  return Response.json({ error: "Not found" }, { status: 404 });
}

async function controlCall(sim: Simulator, sid: string, action: string, request: Request): Promise<Response> {
  const call = await getCall(sim, sid);
  if (!call) return Response.json({ error: "No such call" }, { status: 404 });
  if (isTerminal(call.status)) return Response.json({ error: `The call has already ended (${call.status})` }, { status: 409 });
  if (action === "answer" || action === "decline") {
    if (call.status !== "ringing") return Response.json({ error: "Only a ringing call can be answered or declined" }, { status: 409 });
    await updateCall(sim, sid, { answerRequest: action });
  } else if (action === "hangup") {
    await updateCall(sim, sid, call.status === "in-progress" ? { hangupRequested: true } : { answerRequest: "decline" });
    await record(sim, sid, "event", "Hung up on the virtual phone");
  } else if (action === "digits") {
    const parsed = z.object({ digits: z.string().regex(/^[0-9*#]{1,32}$/, "keys are 0-9, * and #") }).safeParse(await request.json().catch(() => null));
    if (!parsed.success) return bad("Those keys are not valid", fieldErrorsOf(parsed.error));
    if (call.status !== "in-progress") return Response.json({ error: "Keys can only be pressed on an answered call" }, { status: 409 });
    await pressDigits(sim, sid, parsed.data.digits);
  } else {
    return Response.json({ error: "Not found" }, { status: 404 });
  }
  return Response.json({ ok: true });
}

async function recentCalls(sim: Simulator) {
  const calls = await sim.db.select().from(simCalls).orderBy(desc(simCalls.createdAt)).limit(30);
  const logs = calls.length
    ? await sim.db
        .select()
        .from(simCallLog)
        .where(inArray(simCallLog.callSid, calls.map((call) => call.sid)))
        .orderBy(desc(simCallLog.id))
        .limit(600)
    : [];
  return calls.map((call) => ({
    sid: call.sid,
    parentCallSid: call.parentCallSid,
    direction: call.direction,
    from: call.from,
    to: call.to,
    status: call.status,
    activity: call.activity,
    bridgedWith: call.bridgedWith,
    duration: call.duration,
    createdAt: call.createdAt,
    log: logs
      .filter((entry) => entry.callSid === call.sid && LOG_KINDS_SHOWN.includes(entry.kind))
      .slice(0, 40)
      .reverse()
      .map((entry) => ({ id: entry.id, at: entry.at, kind: entry.kind, message: entry.message, code: entry.detail?.code ?? null })),
  }));
}

