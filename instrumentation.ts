export async function register() {
  // Only the Node.js server process starts the app; `next build` loads this
  // file too, and must not open the database.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/startup");
  await startServer();
}
