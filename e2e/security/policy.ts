/**
 * Who may reach each part of the app. Every route the build serves must fall
 * under one rule (the sweep fails on a route with none), so a new area gets a
 * decision, not a default.
 */
export const PERSONAS = ["signed-out", "volunteer", "campaigner", "admin"] as const;
export type Persona = (typeof PERSONAS)[number] | "must-change-password";

export type Access =
  | "public"
  | "signed-in"
  /** Any role, once its password is its own: phone banks, which volunteers use too. */
  | "any-role"
  | "staff"
  | "admin"
  /** Only Twilio, by X-Twilio-Signature: no session opens it. */
  | "twilio"
  /** The simulated Twilio REST API: HTTP Basic with the account's credentials, no session opens it. */
  | "twilio-rest";

// Most specific first; a prefix covers the route itself and everything under it.
const RULES: [prefix: string, access: Access][] = [
  ["/admin/users", "admin"],
  ["/admin/integrations", "admin"],
  ["/admin", "staff"],
  ["/account", "signed-in"],
  ["/phone-bank", "any-role"],
  ["/api/clips", "staff"],
  ["/dev/twilio", "twilio-rest"],
  ["/dev", "staff"],
  ["/twilio", "twilio"],
  ["/twilio-webhook", "twilio"],
  ["/api/auth", "public"],
  ["/api/call", "public"],
  ["/api/calls", "public"],
  ["/api/pages", "public"],
  ["/api/health", "public"],
  ["/p", "public"],
  ["/embed", "public"],
  ["/embed.js", "public"],
  ["/invite", "public"],
  ["/reset", "public"],
  ["/signin", "public"],
  ["/clips", "public"],
  ["/_not-found", "public"],
  ["/_global-error", "public"],
];

export function accessOf(route: string): Access | undefined {
  if (route === "/") return "public";
  return RULES.find(([prefix]) => route === prefix || route.startsWith(`${prefix}/`))?.[1];
}

const ALLOWED: Record<Access, readonly Persona[]> = {
  public: ["signed-out", "volunteer", "campaigner", "admin", "must-change-password"],
  "signed-in": ["volunteer", "campaigner", "admin", "must-change-password"],
  "any-role": ["volunteer", "campaigner", "admin"],
  staff: ["campaigner", "admin"],
  admin: ["admin"],
  twilio: [],
  "twilio-rest": [],
};

// An account that must change its password reaches only its change-password page.
export const allowed = (access: Access, persona: Persona) =>
  ALLOWED[access].includes(persona) && (persona !== "must-change-password" || access === "public" || access === "signed-in");

/** The least any of these routes asks: an action rendered on a public page is public. */
export function loosest(accesses: Access[]): Access {
  const order: Access[] = ["public", "signed-in", "any-role", "staff", "admin", "twilio", "twilio-rest"];
  return accesses.reduce((a, b) => (order.indexOf(a) <= order.indexOf(b) ? a : b), "twilio-rest" as Access);
}

/**
 * Parts of the sweep that fail today because another change in flight owns
 * the fix. Their tests are marked as expected to fail, so the suite says so
 * out loud, and turns red ("expected to fail, but passed") the day the fix
 * lands, for this entry to be removed.
 */
export const PENDING: [prefix: string, reason: string][] = [];
export const pendingReason = (route: string) => PENDING.find(([prefix]) => route === prefix || route.startsWith(`${prefix}/`))?.[1];
