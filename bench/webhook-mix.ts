import type autocannon from "autocannon";
import { XMLParser } from "fast-xml-parser";
import twilio from "twilio";
import type { CreatedCall } from "./twilio-stub";

type Params = Record<string, string>;
type Context = { call?: CreatedCall; menu?: string; connect?: string; whisper?: string; dialAction?: string };

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

/** The first value of `attribute` on a `verb` anywhere in a TwiML document (or the verb's text when attribute is "#text"). */
export function findInTwiml(body: string, verb: string, attribute: string): string | undefined {
  const visit = (node: unknown): string | undefined => {
    if (!node || typeof node !== "object") return undefined;
    for (const [key, value] of Object.entries(node)) {
      for (const item of [value].flat()) {
        if (key === verb) {
          const found = typeof item === "string" ? (attribute === "#text" ? item : undefined) : (item as Record<string, string>)[attribute];
          if (found) return found;
        }
        const deeper = visit(item);
        if (deeper) return deeper;
      }
    }
    return undefined;
  };
  return visit(xml.parse(body));
}

export type MixTally = { events2xx: Set<string>; flowErrors: number; callsUsed: number; poolEmpty: number };

/**
 * One member call, replayed as Twilio would send it: four status callbacks
 * (initiated, ringing, answered, completed) around the TwiML requests
 * start → menu (the message ended) → menu (pressed 1) → connect → target-answered → target-status.
 * Each step's URL comes from the call's create parameters or from the TwiML
 * the app answered before, so the replay follows the app's real flow. Every
 * request is signed over publicUrl + path, as Twilio signs.
 */
export function webhookMix(publicUrl: string, authToken: string, pool: CreatedCall[], tally: MixTally): autocannon.Request[] {
  const signed = (request: autocannon.Request, url: string | undefined, params: Params) => {
    if (!url) {
      tally.flowErrors += 1;
      url = `${publicUrl}/api/health`;
    }
    const absolute = new URL(url, publicUrl);
    return {
      ...request,
      method: "POST" as const,
      path: `${absolute.pathname}${absolute.search}`,
      body: new URLSearchParams(params).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilio.getExpectedTwilioSignature(authToken, absolute.toString(), params) },
    };
  };
  const member = (call: CreatedCall, status: string): Params => ({
    CallSid: call.sid,
    AccountSid: "ACbench",
    From: "+15005550006",
    To: call.to,
    Caller: "+15005550006",
    Called: call.to,
    CallStatus: status,
    Direction: "outbound-api",
    ApiVersion: "2010-04-01",
  });
  const event = (status: string, sequence: number, extra: Params = {}): autocannon.Request => ({
    setupRequest: (request, context) => {
      const call = (context as Context).call;
      if (!call) return null as unknown as autocannon.Request; // the pool ran dry: start over
      return signed(request, call.statusCallback, {
        ...member(call, status),
        CallbackSource: "call-progress-events",
        SequenceNumber: String(sequence),
        Timestamp: new Date().toUTCString().replace("GMT", "+0000"),
        ...extra,
      });
    },
    onResponse: (status, _body, context) => {
      const call = (context as Context).call;
      if (call && status >= 200 && status < 300) tally.events2xx.add(`${call.sid}:${sequence}`);
    },
  });
  const step = (setup: (context: Context) => [string | undefined, Params], after?: (body: string, context: Context) => void): autocannon.Request => ({
    setupRequest: (request, context) => ((context as Context).call ? signed(request, ...setup(context as Context)) : (null as unknown as autocannon.Request)),
    onResponse: (_status, body, context) => after?.(body, context as Context),
  });

  return [
    {
      ...event("initiated", 0),
      setupRequest: (request, context) => {
        const call = pool.shift();
        if (!call) {
          tally.poolEmpty += 1;
          return { ...request, method: "GET", path: "/api/health" } as autocannon.Request;
        }
        tally.callsUsed += 1;
        (context as Context).call = call;
        const first = event("initiated", 0).setupRequest as (request: autocannon.Request, context: object) => autocannon.Request;
        return first(request, context);
      },
    },
    event("ringing", 1),
    step(
      (c) => [c.call!.url, member(c.call!, "in-progress")],
      (body, c) => (c.menu = findInTwiml(body, "Gather", "action") ?? findInTwiml(body, "Redirect", "#text")),
    ),
    event("in-progress", 2),
    // The message ends without a key: the menu's first round.
    step(
      (c) => [c.menu, member(c.call!, "in-progress")],
      (body, c) => (c.menu = findInTwiml(body, "Gather", "action")),
    ),
    step(
      (c) => [c.menu, { ...member(c.call!, "in-progress"), Digits: "1", FinishedOnKey: "", msg: "Gather End" }],
      (body, c) => {
        c.connect = findInTwiml(body, "Redirect", "#text");
        c.dialAction = findInTwiml(body, "Dial", "action");
        c.whisper = findInTwiml(body, "Number", "url");
      },
    ),
    step(
      (c) => [c.dialAction ? undefined : c.connect, member(c.call!, "in-progress")],
      (body, c) => {
        c.dialAction ??= findInTwiml(body, "Dial", "action");
        c.whisper ??= findInTwiml(body, "Number", "url");
      },
    ),
    step((c) => [
      c.whisper,
      { ...member(c.call!, "in-progress"), CallSid: `${c.call!.sid.slice(0, 30)}d1`, ParentCallSid: c.call!.sid, Direction: "outbound-dial", To: "+442079460123", Called: "+442079460123" },
    ]),
    step((c) => [c.dialAction, { ...member(c.call!, "in-progress"), DialCallStatus: "completed", DialCallSid: `${c.call!.sid.slice(0, 30)}d1`, DialCallDuration: "42", DialBridged: "true" }]),
    event("completed", 3, { CallDuration: "95", Duration: "2" }),
  ];
}
