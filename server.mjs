#!/usr/bin/env node
// @ts-check
/**
 * Patchthrough's HTTP server: what `next start` does (and `next dev` with
 * --dev), with the edge (lib/edge) in front of every request. Only a server
 * of our own sees the socket, and so the client's real address; see
 * lib/edge/README.md for everything else the edge does.
 *
 *   node server.mjs [-p PORT] [-H HOSTNAME] [--dev]
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    dev: { type: "boolean", default: false },
    keepAliveTimeout: { type: "string" },
  },
});
const dev = values.dev ?? false;
// As `next start`: React and Next.js pick their production builds from NODE_ENV, so it is set before they load.
if (!dev) Object.assign(process.env, { NODE_ENV: "production" });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;

const { installEdge } = await import("./lib/edge/state.mjs");
installEdge();
const { createEdge } = await import("./lib/edge/index.mjs");
const { default: next } = await import("next");

const server = http.createServer();
if (values.keepAliveTimeout) server.keepAliveTimeout = Number(values.keepAliveTimeout);
const app = next({ dev, dir: import.meta.dirname, hostname: hostname ?? "localhost", port, httpServer: server });
try {
  await app.prepare();
} catch (error) {
  console.error(error);
  process.exit(1);
}
// The routes the build made, for the edge's checks of ids in addresses; `next dev` builds routes as it goes.
const manifest = path.join(import.meta.dirname, ".next", "app-path-routes-manifest.json");
const routes = dev ? [] : Object.values(JSON.parse(fs.readFileSync(manifest, "utf8")));
server.on("request", createEdge(app.getRequestHandler(), { routes }));
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.on("error", (error) => {
  console.error("patchthrough: the server could not start:", error.message);
  process.exit(1);
});
server.listen(port, hostname, () => {
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const origin = `http://${hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "localhost"}:${actualPort}`;
  // Next.js reads these, as `next start` sets them, to forward server actions to itself.
  process.env.PORT = String(actualPort);
  process.env.__NEXT_PRIVATE_ORIGIN = origin;
  console.log(`▲ Patchthrough listening on ${origin}${dev ? " (development)" : ""}`);
});

let closing = false;
const shutDown = (/** @type {NodeJS.Signals} */ signal) => {
  if (closing) return;
  closing = true;
  // Finish requests in flight, then let Next.js clean up, as `next start` does.
  server.close(() => {
    app.close().catch(console.error).finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
  if (dev) server.closeAllConnections();
};
process.on("SIGINT", shutDown);
process.on("SIGTERM", shutDown);
