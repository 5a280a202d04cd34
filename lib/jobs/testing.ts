import type PgBoss from "pg-boss";
import { JOB_HANDLERS, type JobHandlers, type JobName } from "./handlers";
import { jobQueue, runJobs } from "./index";

/**
 * Runs every job of `name` that is due now, in this process, until none is
 * left; answers how many ran. For tests that want a queue's effect without
 * waiting for a worker's poll.
 */
export async function runDueJobs(name: JobName, options: RunOptions = {}): Promise<number> {
  return runDueJobsOn(await jobQueue(), JOB_HANDLERS, name, options);
}

type RunOptions = {
  /** Also run jobs waiting for a later start, such as retries in backoff: a test's way of letting time pass. */
  ignoreStartAfter?: boolean;
};

/** runDueJobs() on a given queue and handler list. */
export async function runDueJobsOn(boss: PgBoss, handlers: JobHandlers, name: string, options: RunOptions = {}): Promise<number> {
  const definition = handlers[name];
  if (!definition) throw new Error(`no handler for job ${name}`);
  let ran = 0;
  for (;;) {
    const jobs = await boss.fetch<object>(name, { batchSize: 50, ignoreStartAfter: options.ignoreStartAfter ?? false });
    if (!jobs || jobs.length === 0) return ran;
    await runJobs(boss, name, definition, jobs);
    await boss.complete(name, jobs.map((job) => job.id));
    ran += jobs.length;
  }
}
