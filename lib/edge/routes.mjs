// @ts-check
/**
 * Addresses that name no page, answered 404 before Next.js routes them:
 *
 * - a route's id that is not a UUID: PostgreSQL cannot parse "/embed/------"
 *   and the query would fail with a 500. A dynamic segment named `id` or
 *   ending in `Id` ([id], [pluginId], [callId]) holds a UUID;
 * - the framework's own entries (/_global-error renders with a 500).
 *
 * The routes come from the build (.next/app-path-routes-manifest.json).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isIdName = (/** @type {string} */ name) => name === "id" || /^[a-z][a-zA-Z0-9]*Id$/.test(name);

/** @typedef {{ kind: "static", text: string } | { kind: "param", id: boolean } | { kind: "rest", optional: boolean }} Segment */

/** "/admin/pages/[id]" → its segments. */
function parseRoute(/** @type {string} */ route) {
  return route
    .split("/")
    .filter(Boolean)
    .map((/** @type {string} */ part) => {
      /** @type {Segment} */
      let segment = { kind: "static", text: part };
      const rest = part.match(/^\[\[?\.\.\.[^\]]+\]\]?$/);
      const param = part.match(/^\[([^\].]+)\]$/);
      if (rest) segment = { kind: "rest", optional: part.startsWith("[[") };
      else if (param) segment = { kind: "param", id: isIdName(param[1] ?? "") };
      return segment;
    });
}

/** "match", "no", or "bad-id" when the path fits the route but for an id that is not a UUID. */
function fit(/** @type {Segment[]} */ route, /** @type {string[]} */ parts) {
  let badId = false;
  for (let i = 0; i < route.length; i++) {
    const segment = /** @type {Segment} */ (route[i]);
    if (segment.kind === "rest") return parts.length > i || segment.optional ? (badId ? "bad-id" : "match") : "no";
    const part = parts[i];
    if (part === undefined) return "no";
    if (segment.kind === "static" && segment.text !== part) return "no";
    if (segment.kind === "param" && segment.id && !UUID.test(part)) badId = true;
  }
  if (parts.length !== route.length) return "no";
  return badId ? "bad-id" : "match";
}

/**
 * @param {string[]} routes the app's routes, as the build lists them
 * @returns {(path: string) => boolean} whether a (decodable) path is internal, or names a route only through a malformed id
 */
export function unroutableGuard(routes) {
  const internal = new Set(routes.filter((route) => route.startsWith("/_")));
  const parsed = routes.filter((route) => !internal.has(route)).map(parseRoute);
  return (path) => {
    if (internal.has(path.replace(/\/+$/, ""))) return true;
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    let badId = false;
    for (const route of parsed) {
      const result = fit(route, parts);
      if (result === "match") return false;
      if (result === "bad-id") badId = true;
    }
    return badId;
  };
}
