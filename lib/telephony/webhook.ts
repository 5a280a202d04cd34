import "server-only";
import twilio from "twilio";
import { BodyTooLarge, readBody } from "../http/body";
import { withoutNul } from "../http/form";
import { log } from "../log";
import { telephonyConfig } from "./config";
import { isDatabaseUnavailable } from "../db/errors";
import { apologyTwiml, twimlResponse, VoiceResponse } from "./twiml";
import { signedUrlCandidates } from "./urls";

/** The form parameters of a Twilio request. A key Twilio repeats arrives as an array. */
export type TwilioParams = Record<string, string | string[]>;

/**
 * Parses a form body. Parameters are gathered on a null-prototype object, so
 * ones named "constructor" or "__proto__" are plain parameters, then handed
 * over as own properties of an ordinary object (libraries such as drizzle
 * expect objects to have a prototype). NUL bytes are dropped (Twilio sends
 * none, and PostgreSQL refuses them in text).
 */
export function parseForm(body: string): TwilioParams {
  const params: TwilioParams = Object.create(null);
  for (const [rawKey, rawValue] of new URLSearchParams(body)) {
    const [key, value] = [withoutNul(rawKey), withoutNul(rawValue)];
    const existing = params[key];
    params[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return Object.fromEntries(Object.entries(params));
}

/** The first value of a parameter, or "" when it is absent. */
export function param(params: TwilioParams, key: string): string {
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export type TwilioRequest<RouteParams> = {
  params: TwilioParams;
  /** The URL Twilio signed: PUBLIC_URL + path + query. */
  url: URL;
  route: RouteParams;
};

type Handler<RouteParams> = (request: TwilioRequest<RouteParams>) => Promise<Response | VoiceResponse> | Response | VoiceResponse;

/**
 * What a route answers when its handler throws:
 * - "apology": a TwiML document for a caller (the default);
 * - "retry": 503, for status callbacks that could not be stored, so Twilio
 *   flags it and, with the retry overrides every callbackUrl carries, sends it again;
 * - "empty": an empty <Response/>, for a <Number url> document, which runs on
 *   the called party's leg: anything else would hang up on them.
 */
export type OnError = "apology" | "retry" | "empty";


/** Twilio's requests are a few kilobytes of form fields; anything far bigger is not Twilio, and is refused before it is held in memory. */
export const TWILIO_BODY_LIMIT = 64 * 1024;

/**
 * The one wrapper for every route Twilio calls. It checks X-Twilio-Signature
 * over PUBLIC_URL + path + query and the form parameters before anything
 * else runs (403 and no side effects when it fails), parses the parameters,
 * and answers TwiML. A handler that throws gets what `onError` says: a
 * spoken apology by default, never a 500.
 */
export function twilioWebhook<RouteParams = Record<string, never>>(handler: Handler<RouteParams>, options: { onError?: OnError } = {}) {
  return async (request: Request, context?: { params?: Promise<RouteParams> }): Promise<Response> => {
    const config = telephonyConfig();
    const requested = new URL(request.url);
    const url = new URL(`${requested.pathname}${requested.search}`, config.publicUrl);
    let params: TwilioParams = {};
    if (request.method === "POST") {
      try {
        params = parseForm(new TextDecoder().decode(await readBody(request, TWILIO_BODY_LIMIT)));
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        return new Response("Request body too large", { status: 413, headers: { "Content-Type": "text/plain" } });
      }
    }
    const signature = request.headers.get("x-twilio-signature");
    const signedOver = (candidate: string) => twilio.validateRequest(config.authToken, signature!, candidate, params);
    if (!signature || !signedUrlCandidates(url.toString()).some(signedOver)) {
      log.warn({ path: url.pathname, signed: !!signature }, "refused a Twilio request with a bad signature");
      return new Response("Invalid Twilio signature", { status: 403, headers: { "Content-Type": "text/plain" } });
    }
    const effective = request.method === "POST" ? params : Object.fromEntries(url.searchParams);
    try {
      const route = ((await context?.params) ?? {}) as RouteParams;
      const result = await withinDeadline(Promise.resolve().then(() => handler({ params: effective, url, route })));
      return result instanceof Response ? result : twimlResponse(result);
    } catch (error) {
      log.error({ err: error, path: url.pathname, callSid: param(effective, "CallSid") }, "Twilio webhook failed");
      // The database blinked: nothing was decided, so Twilio should ask again (the URL's overrides make it) rather
      // than the caller hear an apology and lose the call. A <Number url> document still answers empty: the target is on the line.
      const retry = options.onError === "retry" || (isDatabaseUnavailable(error) && options.onError !== "empty");
      if (retry) return new Response("Could not handle this request now; please retry", { status: 503, headers: { "Content-Type": "text/plain", "Retry-After": "1" } });
      return twimlResponse(options.onError === "empty" ? new VoiceResponse() : apologyTwiml());
    }
  };
}

/**
 * How long a handler may take. Every step is a statement or two, answered in
 * milliseconds; one still waiting after this is waiting on a database that
 * has gone (postgres.js holds queries while it reconnects, with backoff, for
 * as long as it takes). Twilio gives up at 15 s; answering 503 well before
 * lets its retry find the database back. A handler that finishes later does
 * no harm: every step is idempotent, so the retry changes nothing twice.
 */
export const WEBHOOK_DEADLINE_MS = 4_000;

class DeadlinePassed extends Error {
  // Reads as a lost connection to isDatabaseUnavailable().
  readonly code = "CONNECT_TIMEOUT";
}

function withinDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlinePassed(`no answer within ${WEBHOOK_DEADLINE_MS} ms`)), WEBHOOK_DEADLINE_MS);
  });
  work.catch(() => undefined); // a late failure, after the deadline answered, is not unhandled
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** For status callbacks: Twilio reads only the status code. */
export function accepted(): Response {
  return new Response(null, { status: 204 });
}
