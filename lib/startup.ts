import "server-only";
import { database, type DatabaseHandle } from "./db/client";
import { migrateDatabase } from "./db/migrate";
import { configureEdge, edgeInstalled } from "./edge/state.mjs";
import { ConfigError, getEnv } from "./env";
import { eq } from "drizzle-orm";
import { users } from "./db/schema";
import { log } from "./log";
import { jobQueue, sendJob, startJobWorkers, stopJobQueue } from "./jobs";
import { JOB_HANDLERS } from "./jobs/handlers";
import { syncMemberPageCache } from "./pages/cache";
import { DEMO_SLUG, demoPageExists, ensureDemoPage } from "./pages/demo";
import { ensureDemoPhoneBank } from "./phonebank/demo";
import { appSimulator, prepareSimulator } from "./telephony/simulator";
import { DEMO_ADMIN, ensureDemoAdmin } from "./users/demo";

/** Validates the configuration, opens the database and brings its schema up to date. */
export async function prepareDatabase(): Promise<DatabaseHandle> {
  getEnv();
  const handle = database();
  await migrateDatabase(handle);
  return handle;
}

/** Runs once per server process, from instrumentation.ts, before the first request. */
export async function startServer(): Promise<void> {
  try {
    const env = getEnv();
    // Only server.mjs sees the socket; under a bare `next start` every client could name its own address.
    if (!edgeInstalled()) throw new ConfigError("start the app with `npm start` (node server.mjs), not `next start`: only its server knows the client's real address.");
    configureEdge({ trustedProxies: env.TRUSTED_PROXIES, publicUrl: env.PUBLIC_URL, dev: env.NODE_ENV === "development" });
    const handle = await prepareDatabase();
    // Cached member pages are emptied when any instance announces a change.
    await syncMemberPageCache(handle);
    if (handle.driver === "pglite") {
      const demoAdminWorks = await ensureDemoAdmin(handle.db);
      const [admin] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ADMIN.email));
      if (admin) await ensureDemoPage(handle.db, admin.id);
      if (admin && (await ensureDemoPhoneBank(handle.db, admin.id)) && appSimulator()) {
        // Through the Twilio API like any number, once the server answers it: a job, retried until then.
        await sendJob("phonebank.demo-number", undefined);
      }
      console.log(`\nPatchthrough is using the embedded database in ${env.DATA_DIR}/pglite.`);
      if (demoAdminWorks) {
        console.log(`Demo admin: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password} (sign in at ${env.PUBLIC_URL}/signin).`);
        console.log("This password is published: its first sign-in must choose a new one before anything else opens.");
      }
      if (await demoPageExists(handle.db)) console.log(`Demo campaign page: ${env.PUBLIC_URL}/p/${DEMO_SLUG}\n`);
    }
    const simulator = appSimulator();
    if (simulator) {
      const { orphaned } = await prepareSimulator(simulator);
      if (orphaned > 0) log.warn({ orphaned }, "ended simulated calls left over from the last run");
      console.log(`Telephony: the built-in Twilio simulator (seed ${simulator.seed}; set SIMULATOR_SEED=${simulator.seed} to replay). Virtual phone: ${env.PUBLIC_URL}/dev/phone\n`);
    }
    const boss = await jobQueue();
    if (env.JOBS_WORKER === "in-process") await startJobWorkers(boss, JOB_HANDLERS);
    // Let workers finish the job in hand before the process goes.
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stopJobQueue(5_000).finally(() => process.exit(0)));
    log.info({ driver: handle.driver, telephony: simulator ? "simulator" : "twilio", jobs: env.JOBS_WORKER }, "ready");
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`patchthrough: ${error.message}`);
    } else {
      console.error("patchthrough: start-up failed:", error);
    }
    process.exit(1);
  }
}
