// @ts-check
import { createHash } from "node:crypto";

/**
 * The security headers of every response, and the Content-Security-Policy of
 * every HTML page.
 *
 * script-src lists the SHA-256 hash of each inline script in the page, taken
 * from the finished HTML as it leaves the server, instead of a per-request
 * nonce: a nonce forces every page to render per request, and the member page
 * must be served from a cache (issue 14). The hashes of a cached page are the
 * same for every visitor, and an injected script matches none of them.
 */

/** @typedef {import("./state.mjs").EdgeConfig} EdgeConfig */

// React and Next.js escape "<" inside the scripts they inline (the flight
// payload is JSON with "<" written as \u003c), so an inline script's text runs
// to the first "</script"; the app writes no inline script of its own.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /\ssrc\s*=/i;

/** The 'sha256-…' source of every distinct inline script in an HTML document. */
export function inlineScriptHashes(/** @type {string} */ html) {
  const hashes = new Set();
  for (const [, attributes, text] of html.matchAll(SCRIPT)) {
    if (HAS_SRC.test(attributes ?? "") || !text) continue;
    hashes.add(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

/** Pages partners may put in an <iframe> on their own sites. */
export const isEmbeddable = (/** @type {string} */ path) => path === "/embed" || path.startsWith("/embed/");

/**
 * Where the browser may open the microphone: the admin, for recording clips in
 * the call tool editor, and only for the app itself (self). All of /admin,
 * not the editor's path alone: the admin moves between pages without loading
 * a new document, and a document keeps the policy it was loaded with. Member
 * pages and the embed keep it off.
 */
export const mayUseMicrophone = (/** @type {string} */ path) => path === "/admin" || path.startsWith("/admin/");

/**
 * @param {{ path: string, config: EdgeConfig }} request
 * @returns {Record<string, string>}
 */
export function baseHeaders({ path, config }) {
  /** @type {Record<string, string>} */
  const headers = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": `camera=(), microphone=${mayUseMicrophone(path) ? "(self)" : "()"}, geolocation=(), payment=(), usb=()`,
  };
  if (!isEmbeddable(path)) headers["X-Frame-Options"] = "DENY";
  if (config.publicUrl.startsWith("https:")) headers["Strict-Transport-Security"] = "max-age=31536000";
  return headers;
}

/** The policy of an HTML page whose inline scripts hash to `scriptHashes`. */
export function contentSecurityPolicy(/** @type {{ path: string, config: EdgeConfig, scriptHashes: string[] }} */ { path, config, scriptHashes }) {
  const https = config.publicUrl.startsWith("https:");
  const directives = [
    "default-src 'self'",
    // 'unsafe-eval' only in development, where React rebuilds server stack traces with eval.
    ["script-src 'self'", ...scriptHashes, ...(config.dev ? ["'unsafe-eval'"] : [])].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // Clips play from local storage (PUBLIC_URL may differ from the address in the browser) or uploadthing's CDN.
    // blob: is a recording made in the editor, played back before it is saved.
    `media-src 'self' ${config.publicUrl} https: blob:`,
    "font-src 'self'",
    `connect-src 'self'${config.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${isEmbeddable(path) ? "*" : "'none'"}`,
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
