// @ts-check
/**
 * What the edge checks and rewrites on a request before Next.js sees it.
 * Everything here runs on every request, so it is plain string work.
 */

/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {{ status: number, message: string }} Refusal */

const FORWARDING_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** No route takes more (a 10 MB clip and its form are the largest); each route also counts what it reads. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** "::ffff:203.0.113.7" (an IPv4 client on a dual-stack socket) → "203.0.113.7". */
export function socketAddress(/** @type {string | undefined} */ address) {
  if (!address) return "unknown";
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/**
 * Rewrites X-Forwarded-For so the app can trust it: the socket's address is
 * appended, as every proxy appends the address it saw. With no trusted proxy
 * whatever the client sent is dropped, along with the other forwarding
 * headers, which only a proxy may set. lib/http/client-ip.ts then reads the
 * client TRUSTED_PROXIES entries from the right.
 */
export function forwardClientAddress(/** @type {IncomingMessage} */ req, /** @type {number} */ trustedProxies) {
  const socket = socketAddress(req.socket.remoteAddress);
  if (trustedProxies === 0) {
    for (const name of FORWARDING_HEADERS) delete req.headers[name];
    req.headers["x-forwarded-for"] = socket;
    return;
  }
  const claimed = [req.headers["x-forwarded-for"] ?? []].flat().join(",");
  const chain = claimed.split(",").map((entry) => entry.trim()).filter(Boolean);
  req.headers["x-forwarded-for"] = [...chain, socket].join(", ");
}

/**
 * Refuses, with a 4xx, requests the framework would otherwise answer with a
 * 500: a path whose percent-encoding does not decode (Next.js throws a
 * DecodeError for dynamic segments and has no page to render it with), a NUL
 * byte anywhere in the address (PostgreSQL refuses NUL in text), a body
 * announced larger than any route takes, and a state-changing request from
 * another site (Next.js aborts a cross-origin server action with a 500).
 * @returns {Refusal | null}
 */
export function refusal(/** @type {IncomingMessage} */ req) {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? "" : url.slice(queryAt + 1);
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { status: 400, message: "Bad request: the address has malformed percent-encoding." };
  }
  if (decoded.includes("\0") || /%00/i.test(query) || query.includes("\0")) {
    return { status: 400, message: "Bad request: the address contains a NUL byte." };
  }
  if (Number(req.headers["content-length"]) > MAX_BODY_BYTES) {
    return { status: 413, message: "Payload too large." };
  }
  if (!SAFE_METHODS.has(req.method ?? "GET") && crossOrigin(req)) {
    return { status: 403, message: "Forbidden: this request came from another site." };
  }
  return null;
}

/** The Origin header names a different host than the one the request was sent to (compared as Next.js compares them for server actions). */
function crossOrigin(/** @type {IncomingMessage} */ req) {
  const origin = req.headers.origin;
  if (origin === undefined) return false; // not a browser, or a same-origin GET-like navigation: nothing to protect
  let originHost;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return true;
  }
  const forwardedHost = [req.headers["x-forwarded-host"] ?? []].flat().join(",").split(",")[0]?.trim();
  return originHost !== (forwardedHost || req.headers.host);
}
