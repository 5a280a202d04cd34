// npm run worker — works the job queue (recalls, reconciliation, CRM webhooks) in a process of its own.
// For deployments on PostgreSQL that set JOBS_WORKER=off on their web instances; see README.
import { ConfigError, getEnv } from "../lib/env";
import { jobQueue, startJobWorkers, stopJobQueue } from "../lib/jobs";
import { JOB_HANDLERS } from "../lib/jobs/handlers";
import { log } from "../lib/log";
import { prepareDatabase } from "../lib/startup";

async function main(): Promise<void> {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    throw new ConfigError("npm run worker needs DATABASE_URL: the embedded database belongs to the one server process, which works the queue itself");
  }
  await prepareDatabase();
  await startJobWorkers(await jobQueue(), JOB_HANDLERS);
  log.info({ queues: Object.keys(JOB_HANDLERS) }, "worker ready");
  const stop = async () => {
    log.info("worker stopping: finishing the jobs in hand");
    await stopJobQueue(30_000);
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `patchthrough: ${error.message}` : error);
  process.exit(1);
});
