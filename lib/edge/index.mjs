// @ts-check
import compression from "compression";
import { baseHeaders, contentSecurityPolicy, inlineScriptHashes } from "./headers.mjs";
import { forwardClientAddress, refusal } from "./request.mjs";
import { holdHtml } from "./response.mjs";
import { unroutableGuard } from "./routes.mjs";
import { edgeConfig } from "./state.mjs";

/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */
/** @typedef {(req: IncomingMessage, res: ServerResponse) => Promise<void>} Handler */

/**
 * Next.js forwards a server action sent to a page that does not render it to
 * one that does, addressed by its route pattern ("/admin/pages/[id]"). It
 * renders no page for it, so the pattern's odd ids reach no query.
 */
const forwardedAction = (/** @type {IncomingMessage} */ req) => req.method === "POST" && !!req.headers["next-action"] && req.headers["x-action-forwarded"] === "1";

/**
 * The request listener of server.mjs: every request passes through here on
 * its way to Next.js. See lib/edge/README.md.
 * @param {Handler} handle Next.js's request handler
 * @param {{ routes: string[] }} app the app's routes, from the build (none in development)
 * @returns {(req: IncomingMessage, res: ServerResponse) => void}
 */
export function createEdge(handle, { routes }) {
  const unroutable = unroutableGuard(routes);
  // Next.js's own compression is off (next.config.mjs): it would compress
  // HTML before the edge could hash its scripts. This is the same middleware.
  const compress = compression();
  return (req, res) => {
    const config = edgeConfig();
    if (!config) {
      // The app's start-up (instrumentation.ts) has not handed over its settings yet.
      res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "1" }).end("Starting up; try again in a moment.");
      return;
    }
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    for (const [name, value] of Object.entries(baseHeaders({ path, config }))) res.setHeader(name, value);
    const refused = refusal(req) ?? (unroutable(path) && !forwardedAction(req) ? { status: 404, message: "Not found." } : null);
    if (refused) {
      res.writeHead(refused.status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end(refused.message);
      return;
    }
    forwardClientAddress(req, config.trustedProxies);
    compress(/** @type {any} */ (req), /** @type {any} */ (res), () => {
      holdHtml(res, (body) => ({
        "Content-Security-Policy": contentSecurityPolicy({ path, config, scriptHashes: inlineScriptHashes(body.toString("utf8")) }),
      }));
      handle(req, res).catch((/** @type {unknown} */ error) => {
        console.error("patchthrough: request failed before the app could answer it:", error);
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        res.end();
      });
    });
  };
}
