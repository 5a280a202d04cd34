import type { Instrumentation } from "next";

export async function register() {
  // Only the Node.js server process starts the app; `next build` loads this
  // file too, and must not open the database.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  // First: whatever the framework prints from now on (a failed query with its parameters) is masked.
  const { maskConsole } = await import("./lib/log");
  maskConsole();
  const { startServer } = await import("./lib/startup");
  await startServer();
}

/**
 * Every error a page, route handler or server action lets escape, once,
 * through the masking logger with its cause (PostgreSQL's code and detail).
 * Next.js still prints its own line for it, masked by maskConsole().
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./lib/log");
  log.error({ err: error, method: request.method, path: request.path.split("?")[0], route: context.routePath, kind: context.routeType }, "request failed");
};
