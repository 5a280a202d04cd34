import { desc, inArray } from "drizzle-orm";
import { z } from "zod";
import { soundClips } from "../../pages/schema";
import { fieldErrorsOf } from "../../zod/errors";
import { listCallerIds, listNumbers, verifyCallerId } from "./account";
import { E164, type Simulator } from "./context";
import { placeInboundCall } from "./inbound";
import { phoneBehaviorSchema, setBehavior, clearBehaviors } from "./phone";
import { describeBehavior } from "./phone-sentences";
import { simCallLog, simCalls, simPhones } from "./schema";
import { getCall, isTerminal, pressDigits, record, updateCall } from "./store";

const LOG_KINDS_SHOWN = ["say", "play", "digits", "dial", "queue", "error", "warning", "event"];

const bad = (message: string, errors?: Record<string, string>) => Response.json({ error: message, errors }, { status: 422 });
const e164 = z.string().trim().regex(E164, "Enter a number in international form, like +442079460123");
const body = async (request: Request) => request.json().catch(() => null);

/**
 * The virtual phone's JSON API, under /dev/phone/api (staff only; the route
 * checks). Tests script numbers with it; the /dev/phone page uses it to show
 * calls and to answer, decline, hang up, press keys and call in.
 *
 *   GET    calls                      recent calls with what each line hears
 *   POST   calls/{sid}/answer|decline|hangup
 *   POST   calls/{sid}/digits         { "digits": "1" }
 *   GET    numbers                    scripted numbers, each with its behaviour in words
 *   PUT    numbers/{+E164}            { answer, answerAfter, digits: [{ after, digits }], hangupAfter, refuseCode, greetingSeconds, disorder }
 *   DELETE numbers/{+E164}            forget one number's script
 *   DELETE numbers                    forget every script
 *   GET    account                    the account's numbers and verified caller IDs
 *   POST   caller-ids                 { "number": "+44…" } verifies a caller ID
 *   POST   inbound                    { from, to } calls one of the account's numbers; { from, url } calls a URL of the app
 */
export async function handlePhoneApi(sim: Simulator, request: Request, segments: string[]): Promise<Response> {
  const [resource, id, action] = segments;
  const route = `${request.method} ${resource}${id ? "/:id" : ""}${action ? "/:action" : ""}`;
  switch (route) {
    case "GET calls":
      return Response.json({ calls: await recentCalls(sim) });
    case "POST calls/:id/:action":
      return controlCall(sim, id!, action!, request);
    case "GET numbers":
      return Response.json({ numbers: await scriptedNumbers(sim) });
    case "DELETE numbers":
      await clearBehaviors(sim);
      return new Response(null, { status: 204 });
    case "DELETE numbers/:id":
    case "PUT numbers/:id":
    case "POST numbers/:id": {
      const number = safeDecode(id!);
      if (!number || !E164.test(number)) return bad("Numbers are in E.164 form, like +442079460123", { number: "not an E.164 number" });
      if (request.method === "DELETE") {
        await clearBehaviors(sim, number);
        return new Response(null, { status: 204 });
      }
      const parsed = phoneBehaviorSchema.safeParse(await body(request));
      if (!parsed.success) return bad("That behaviour is not valid", fieldErrorsOf(parsed.error));
      await setBehavior(sim, number, parsed.data);
      return Response.json({ number, behavior: parsed.data, sentence: describeBehavior(number, parsed.data) });
    }
    case "GET account":
      return Response.json({
        numbers: (await listNumbers(sim)).map((number) => ({ sid: number.sid, number: number.phoneNumber, name: number.friendlyName, voiceUrl: number.voiceUrl })),
        callerIds: (await listCallerIds(sim)).map((callerId) => ({ sid: callerId.sid, number: callerId.phoneNumber, name: callerId.friendlyName })),
      });
    case "POST caller-ids": {
      const parsed = z.object({ number: e164 }).safeParse(await body(request));
      if (!parsed.success) return bad("That number can't be verified", fieldErrorsOf(parsed.error));
      const verified = await verifyCallerId(sim, parsed.data.number);
      return Response.json({ sid: verified.sid, number: verified.phoneNumber }, { status: 201 });
    }
    case "POST inbound": {
      const parsed = z.union([z.object({ from: e164, to: e164 }), z.object({ from: e164, url: z.string().trim().min(1, "Enter a URL of this app").max(2000).refine((url) => !url.includes("\u0000"), "A URL has no NUL characters") })]).safeParse(await body(request));
      if (!parsed.success) return bad("That call can't be placed", fieldErrorsOf(parsed.error));
      const placed = await placeInboundCall(sim, parsed.data);
      if (!placed.ok) return bad(placed.error, { [placed.field]: placed.error });
      return Response.json({ sid: placed.call.sid, to: placed.call.to }, { status: 201 });
    }
    default:
      return Response.json({ error: "Not found" }, { status: 404 });
  }
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

async function scriptedNumbers(sim: Simulator) {
  const rows = await sim.db.select().from(simPhones).orderBy(simPhones.number);
  return rows.map((row) => {
    const behavior = phoneBehaviorSchema.parse(row.behavior);
    return { number: row.number, behavior, sentence: describeBehavior(row.number, behavior) };
  });
}

async function controlCall(sim: Simulator, sid: string, action: string, request: Request): Promise<Response> {
  const call = /^CA[0-9a-f]{32}$/.test(sid) ? await getCall(sim, sid) : undefined;
  if (!call) return Response.json({ error: "No such call" }, { status: 404 });
  if (isTerminal(call.status)) return Response.json({ error: `The call has already ended (${call.status})` }, { status: 409 });
  if (action === "answer" || action === "decline") {
    if (call.status !== "ringing" || call.direction === "inbound") return Response.json({ error: "Only a ringing call to this phone can be answered or declined" }, { status: 409 });
    await updateCall(sim, sid, { answerRequest: action });
  } else if (action === "hangup") {
    await updateCall(sim, sid, call.status === "in-progress" ? { hangupRequested: true } : { answerRequest: "decline" });
    await record(sim, sid, "event", "Hung up on the virtual phone");
  } else if (action === "digits") {
    const parsed = z.object({ digits: z.string().regex(/^[0-9*#]{1,32}$/, "keys are 0-9, * and #") }).safeParse(await body(request));
    if (!parsed.success) return bad("Those keys are not valid", fieldErrorsOf(parsed.error));
    if (call.status !== "in-progress") return Response.json({ error: "Keys can only be pressed on an answered call" }, { status: 409 });
    const heard = await pressDigits(sim, sid, parsed.data.digits);
    return Response.json({ ok: true, heard });
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
  // A played clip is shown by the name it was uploaded with, when it is one of the app's clips.
  const played = [...new Set(logs.filter((entry) => entry.kind === "play").map((entry) => entry.message))];
  const clipNames = new Map(
    played.length ? (await sim.db.select({ url: soundClips.url, fileName: soundClips.fileName }).from(soundClips).where(inArray(soundClips.url, played))).map((clip) => [clip.url, clip.fileName]) : [],
  );
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
    answeredBy: call.answeredBy,
    createdAt: call.createdAt,
    log: logs
      .filter((entry) => entry.callSid === call.sid && LOG_KINDS_SHOWN.includes(entry.kind))
      .slice(0, 40)
      .reverse()
      .map((entry) => ({ id: entry.id, at: entry.at, kind: entry.kind, message: entry.message, code: entry.detail?.code ?? null, clip: clipNames.get(entry.message) ?? null })),
  }));
}
