import "server-only";
import type PgBoss from "pg-boss";
import { database } from "../db/client";
import { getEnv } from "../env";
import { log } from "../log";
import { openJobQueue } from "./boss";
import type { JobData, JobDefinition, JobHandlers, JobName } from "./handlers";

export type SendOptions = {
  /** Not before this time. */
  startAfter?: Date;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
};

// One queue per process, kept across Next.js bundles and dev reloads like the database handle.
const globalForJobs = globalThis as unknown as { patchthroughJobs?: Promise<PgBoss> };

/** The process's started job queue on the app's database. */
export function jobQueue(): Promise<PgBoss> {
  globalForJobs.patchthroughJobs ??= startQueue().catch((error: unknown) => {
    globalForJobs.patchthroughJobs = undefined;
    throw error;
  });
  return globalForJobs.patchthroughJobs;
}

async function startQueue(): Promise<PgBoss> {
  const boss = openJobQueue(database(), { pollSeconds: getEnv().JOBS_POLL_SECONDS });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  const { JOB_HANDLERS } = await import("./handlers");
  await createQueues(boss, JOB_HANDLERS);
  return boss;
}

/** Stops this process's queue: workers finish what they hold (up to `timeoutMs`), nothing new is fetched. */
export async function stopJobQueue(timeoutMs = 10_000): Promise<void> {
  const started = globalForJobs.patchthroughJobs;
  globalForJobs.patchthroughJobs = undefined;
  if (!started) return;
  const boss = await started.catch(() => undefined);
  await boss?.stop({ graceful: true, timeout: timeoutMs, wait: true, close: true });
}

/** Queues a job for whichever worker is free, now or at `startAfter`. Answers the job's id. */
export async function sendJob<Name extends JobName>(name: Name, data: JobData<Name>, options: SendOptions = {}): Promise<string | null> {
  const boss = await jobQueue();
  // pg-boss refuses keys present but undefined; unset ones take the queue's policy.
  const given = Object.entries({ startAfter: options.startAfter, retryLimit: options.retryLimit, retryDelay: options.retryDelaySeconds, retryBackoff: options.retryBackoff }).filter(([, value]) => value !== undefined);
  return boss.send(name, (data ?? {}) as object, Object.fromEntries(given));
}

export async function createQueues(boss: PgBoss, handlers: JobHandlers): Promise<void> {
  for (const [name, definition] of Object.entries(handlers)) {
    await boss.createQueue(name, {
      name,
      retryLimit: definition.retryLimit ?? 3,
      retryDelay: definition.retryDelaySeconds ?? 10,
      retryBackoff: definition.retryBackoff ?? true,
      // A job held by a worker that died is handed out again after this long.
      expireInSeconds: 120,
    });
  }
}

/** Works every queue in this process, and keeps the cron schedules in the database up to date. */
export async function startJobWorkers(boss: PgBoss, handlers: JobHandlers): Promise<void> {
  for (const [name, definition] of Object.entries(handlers)) {
    await boss.work(name, { batchSize: definition.batchSize ?? 1 }, (jobs) => runJobs(boss, name, definition, jobs));
    if (definition.schedule) await boss.schedule(name, definition.schedule, {}, { tz: "UTC" });
    else await boss.unschedule(name);
  }
}

/**
 * Runs a batch. A job whose handler throws is failed on its own (pg-boss
 * retries it per the queue's policy); the rest are completed by pg-boss when
 * this returns, since it only completes jobs still active.
 */
export async function runJobs(boss: PgBoss, name: string, definition: JobDefinition<never>, jobs: PgBoss.Job<unknown>[]): Promise<void> {
  await Promise.all(
    jobs.map(async (job) => {
      try {
        await definition.handler(job.data as never);
      } catch (error) {
        log.error({ err: error, job: name, jobId: job.id }, "job failed");
        await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
      }
    }),
  );
}
