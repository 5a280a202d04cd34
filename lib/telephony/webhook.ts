import "server-only";
import twilio from "twilio";
import { withoutNul } from "../http/form";
import { log } from "../log";
import { telephonyConfig } from "./config";
import { apologyTwiml, twimlResponse, VoiceResponse } from "./twiml";

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
 *   flags it and, with `withRetries` on the URL, sends it again;
 * - "empty": an empty <Response/>, for a <Number url> document, which runs on
 *   the called party's leg: anything else would hang up on them.
 */
export type OnError = "apology" | "retry" | "empty";

/**
 * Twilio's connection overrides, in the URL fragment: retry a request that
 * got a 5xx or no connection, up to three times. The fragment is never sent
 * over HTTP; Twilio may or may not sign it, so the signature check accepts both.
 */
export const RETRY_OVERRIDES = "rc=3&rp=ct,rt,5xx";
export const withRetries = (url: string) => `${url}#${RETRY_OVERRIDES}`;

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
    const params = request.method === "POST" ? parseForm(await request.text()) : {};
    const signature = request.headers.get("x-twilio-signature");
    const signedOver = (candidate: string) => twilio.validateRequest(config.authToken, signature!, candidate, params);
    if (!signature || !(signedOver(url.toString()) || signedOver(withRetries(url.toString())))) {
      log.warn({ path: url.pathname, signed: !!signature }, "refused a Twilio request with a bad signature");
      return new Response("Invalid Twilio signature", { status: 403, headers: { "Content-Type": "text/plain" } });
    }
    const effective = request.method === "POST" ? params : Object.fromEntries(url.searchParams);
    try {
      const result = await handler({ params: effective, url, route: ((await context?.params) ?? {}) as RouteParams });
      return result instanceof Response ? result : twimlResponse(result);
    } catch (error) {
      log.error({ err: error, path: url.pathname, callSid: param(effective, "CallSid") }, "Twilio webhook failed");
      if (options.onError === "retry") return new Response("Could not store this callback; please retry", { status: 503, headers: { "Content-Type": "text/plain" } });
      return twimlResponse(options.onError === "empty" ? new VoiceResponse() : apologyTwiml());
    }
  };
}

/** For status callbacks: Twilio reads only the status code. */
export function accepted(): Response {
  return new Response(null, { status: 204 });
}
