import { parseForm, type TwilioParams } from "../webhook";
import type { Simulator } from "./context";
import { twilioError } from "./resources";
import { createCall, fetchCall, listCalls, updateCallResource } from "./rest-calls";
import { callerIdRoutes, numberRoutes } from "./rest-numbers";
import { memberRoutes, queueRoutes } from "./rest-queues";

/** One REST request, parsed: the path's ids, the form, the query, and the list's own URI. */
export type RestRequest = { sim: Simulator; method: string; ids: string[]; form: TwilioParams; query: URLSearchParams; uri: string; notFound: () => Response };
export type RestHandler = (request: RestRequest) => Promise<Response>;
export type Route = readonly [pattern: RegExp, handlers: Partial<Record<"GET" | "POST" | "DELETE", RestHandler>>];

const SID = (prefix: string) => `(${prefix}[0-9a-f]{32})`;
const ROUTES: Route[] = [
  [/^\/Calls\.json$/, { GET: listCalls, POST: createCall }],
  [new RegExp(`^/Calls/${SID("CA")}\\.json$`), { GET: fetchCall, POST: updateCallResource }],
  ...queueRoutes(SID("QU")),
  ...memberRoutes(SID("QU"), SID("CA")),
  ...numberRoutes(SID("PN")),
  ...callerIdRoutes(SID("PN")),
];

function authorised(sim: Simulator, request: Request): boolean {
  const header = request.headers.get("authorization") ?? "";
  if (!header.startsWith("Basic ")) return false;
  return Buffer.from(header.slice(6), "base64").toString() === `${sim.accountSid}:${sim.authToken}`;
}

/**
 * Twilio's REST API for calls, queues, phone numbers and caller IDs, at
 * /dev/twilio/2010-04-01/…, for the official SDK pointed here by
 * TWILIO_API_BASE_URL. It keeps Twilio's Basic auth (account SID and token).
 */
export async function handleRest(sim: Simulator, request: Request, path: string): Promise<Response> {
  const notFound = () => twilioError(404, 20404, `The requested resource ${path} was not found`);
  const match = path.match(/^\/2010-04-01\/Accounts\/([^/]+)(\/[^?]*)$/);
  if (!match) return notFound();
  if (!authorised(sim, request) || match[1] !== sim.accountSid) return twilioError(401, 20003, "Authenticate");
  const route = ROUTES.map(([pattern, handlers]) => ({ handlers, found: match[2]!.match(pattern) })).find((entry) => entry.found);
  if (!route) return notFound();
  const handler = route.handlers[request.method as "GET" | "POST" | "DELETE"];
  if (!handler) return twilioError(405, 20004, `Method ${request.method} not allowed on ${path}`);
  const form = request.method === "POST" ? parseForm(await request.text()) : {};
  // PostgreSQL text cannot hold NUL; Twilio refuses such values too.
  if (Object.values(form).flat().some((value) => value.includes("\u0000"))) return twilioError(400, 20001, "Parameters must not contain NUL characters");
  const url = new URL(request.url);
  return handler({ sim, method: request.method, ids: route.found!.slice(1), form, query: url.searchParams, uri: path, notFound });
}
