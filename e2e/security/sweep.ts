import { randomUUID } from "node:crypto";
import type { BuiltAction, BuiltRoute } from "./build";
import { accessOf, allowed, loosest, type Access, type Persona } from "./policy";

/** A stack trace, or the paths one would show: never in an answer. */
export const STACK_TRACE = /\n\s+at \S[^\n]*:\d+:\d+|node_modules\/|\.next\/server\//;

// What lib/auth/action.ts answers a caller it refuses.
const ACTION_REFUSALS = ["Your session has ended. Sign in again.", "Your role does not allow this.", "Choose a new password first"];

/** Real ids where a route needs one to show anything; any other id is a fresh UUID. */
export type Ids = { pageId: string; pluginId: string };

// A catch-all gets a path that reaches something real behind it, where one is known.
const REST_SAMPLES: Record<string, string> = {
  "/dev/phone/api/[...path]": "calls",
  "/dev/twilio/[...path]": "2010-04-01/Accounts/ACsweep/Calls.json",
  "/api/auth/[...nextauth]": "session",
};

export function concretePath(route: string, ids: Ids): string {
  const path = route
    .split("/")
    .map((segment) => {
      if (segment === "[slug]") return "demo";
      if (segment === "[pluginId]") return ids.pluginId;
      if (segment === "[id]" && route.startsWith("/admin/pages/")) return ids.pageId;
      if (/^\[\[?\.\.\./.test(segment)) return REST_SAMPLES[route] ?? "sweep";
      if (/^\[(id|\w+Id)\]$/.test(segment)) return randomUUID();
      if (/^\[.+\]$/.test(segment)) return "sweep";
      return segment;
    })
    .join("/");
  return path || "/";
}

type Outcome = { status: number; location: string | null; type: string; body: string };

async function send(url: string, init: RequestInit): Promise<Outcome> {
  const response = await fetch(url, { ...init, redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), type: response.headers.get("content-type") ?? "", body: await response.text() };
}

/** Refused: 401, 403, 404, or sent to sign in or to choose a password first. */
const refused = (outcome: Outcome) =>
  [401, 403, 404].includes(outcome.status) || (outcome.status >= 300 && outcome.status < 400 && /\/signin|\/account\/password/.test(outcome.location ?? ""));

function judge(where: string, outcome: Outcome, access: Access, persona: Persona, refusedByAnswer = false): string[] {
  const problems: string[] = [];
  if (outcome.status >= 500) problems.push(`${where}: ${outcome.status}`);
  if (STACK_TRACE.test(outcome.body)) problems.push(`${where}: a stack trace in the answer`);
  if (outcome.status === 405) return problems; // no such method here: nothing to reach
  const denied = refused(outcome) || refusedByAnswer;
  if (allowed(access, persona)) {
    // 404 is fine for an allowed caller: most ids in the sweep name nothing.
    if (denied && outcome.status !== 404) problems.push(`${where}: refused (${outcome.status} ${outcome.location ?? ""}) though ${access} allows ${persona}`);
  } else if (!denied) {
    problems.push(`${where}: answered ${outcome.status} though it is for ${access} only`);
  }
  return problems;
}

/** One route as one persona: every method it may have, with a session cookie (or none). */
export async function checkRoute(base: string, route: BuiltRoute, persona: Persona, cookie: string, ids: Ids): Promise<string[]> {
  const access = accessOf(route.route);
  if (!access) return [`${route.route}: no rule says who may reach it (e2e/security/policy.ts)`];
  const path = concretePath(route.route, ids);
  const problems: string[] = [];
  for (const method of route.kind === "page" ? ["GET"] : ["GET", "POST"]) {
    const outcome = await send(`${base}${path}`, {
      method,
      headers: { cookie, Origin: base, ...(method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
      body: method === "POST" ? "sweep=1" : undefined,
    });
    problems.push(...judge(`${method} ${path} as ${persona}`, outcome, access, persona));
  }
  return problems;
}

/**
 * One server action as one persona, called as a browser would (Next-Action
 * header, the arguments React encodes) with a form of nonsense. It goes
 * through a public page, which any action id can be sent to, and through the
 * page that renders it. An action is for whoever may open the pages that
 * render it; a caller it is not for must get lib/auth/action.ts's refusal.
 */
export async function checkAction(base: string, action: BuiltAction, persona: Persona, cookie: string, ids: Ids): Promise<string[]> {
  const accesses = action.routes.map(accessOf);
  if (accesses.some((access) => !access) || accesses.length === 0) return [`${action.name}: a page that renders it has no rule in e2e/security/policy.ts`];
  const access = loosest(accesses as Access[]);
  const problems: string[] = [];
  for (const entry of ["/signin", concretePath(action.routes[0]!, ids)]) {
    const body = new FormData();
    body.append("_1_sweep", "1");
    body.append("0", '[{},"$K1"]'); // (previousState, formData), as React encodes a form action's arguments
    const outcome = await send(`${base}${entry}`, { method: "POST", headers: { cookie, Origin: base, "Next-Action": action.id, Accept: "text/x-component" }, body });
    // Next.js forwards an action sent to another page to a page that renders it; when that page
    // refuses the request (proxy.ts sends a visitor without a session to sign in), it answers
    // a bare "{}": the action did not run.
    const notForwarded = outcome.type.startsWith("application/json") && outcome.body === "{}";
    const refusedByAnswer = notForwarded || ACTION_REFUSALS.some((text) => outcome.body.includes(text));
    problems.push(...judge(`${action.name} (${action.file}) through ${entry} as ${persona}`, outcome, access, persona, refusedByAnswer));
  }
  return problems;
}
