import "server-only";
import { placeAttemptJob } from "../calltool/placement";
import { placeRecallJob } from "../calltool/recall";
import { reconcileCalls } from "../calltool/reconcile";
import { settleCall, settleEndedCalls } from "../calllog/settle";
import { db } from "../db/client";
import { connectDemoNumber } from "../phonebank/demo";
import { dialNext, hangUpLead, hangUpLine, sweep } from "../phonebank/jobs";
import { deliverWebhook, MAX_ATTEMPTS } from "../integrations/deliver";
import { sweepDeliveries } from "../integrations/service";
import { pruneRateLimits } from "../rate-limit";
import { rollUpCalls } from "../stats/rollup";

/**
 * What a job does, per job name. A handler gets the job's data and must be
 * safe to run twice: pg-boss delivers at least once (a worker that dies mid-job
 * has it retried), so exactly-once effects come from our own unique keys.
 */
export type JobDefinition<Data> = {
  handler: (data: Data) => Promise<void>;
  /** A cron expression (UTC): the job is sent on this schedule by whichever instance holds the clock. */
  schedule?: string;
  /** Jobs fetched and run at once by one worker. */
  batchSize?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
};

/** Every job the app runs. Add a domain's jobs here; the name is `<domain>.<what>`. */
export const JOB_HANDLERS = {
  // Rate-limit windows are at most a day long; older counters only take space.
  "rate-limits.prune": {
    handler: async () => pruneRateLimits(db(), new Date(Date.now() - 2 * 24 * 3600 * 1000)),
    schedule: "17 * * * *",
  } satisfies JobDefinition<Record<string, never>>,
  // A member's call whose pacing slot was more than a moment away (lib/calltool/placement.ts).
  "calls.place-attempt": {
    handler: async (data: { callId: string; attempt: number }) => placeAttemptJob(db(), data),
    retryLimit: 0,
  } satisfies JobDefinition<{ callId: string; attempt: number }>,
  // A member who didn't answer, called again at the recall's time (lib/calltool/recall.ts).
  "calls.recall": {
    handler: async (data: { callId: string; attempt: number }) => placeRecallJob(db(), data),
    retryLimit: 2,
    retryDelaySeconds: 5,
  } satisfies JobDefinition<{ callId: string; attempt: number }>,
  // Calls Twilio left us unsure about: asked about through the REST API (lib/calltool/reconcile.ts).
  "calls.reconcile": {
    handler: async () => void (await reconcileCalls(db())),
    schedule: "* * * * *",
  } satisfies JobDefinition<Record<string, never>>,
  // An ended call's outcome written on its row, and the CRM told (lib/calllog/settle.ts); the sweep catches the rest.
  "calls.settle": { handler: async ({ callId }: { callId: string }) => void (await settleCall(db(), callId)), retryLimit: 5, retryDelaySeconds: 5 } satisfies JobDefinition<{ callId: string }>,
  "calls.settle-sweep": { handler: async () => void (await settleEndedCalls(db())), schedule: "* * * * *" } satisfies JobDefinition<Record<string, never>>,
  // Finished calls folded into the statistics' rollups (lib/stats), so the statistics page reads thousands of rows, not millions.
  "stats.roll-up": {
    handler: async () => void (await rollUpCalls(db())),
    schedule: "* * * * *",
  } satisfies JobDefinition<Record<string, never>>,
  // On the simulator, the demo phone bank's number is bought and connected through the API once the server answers.
  "phonebank.demo-number": { handler: connectDemoNumber, retryLimit: 8, retryDelaySeconds: 3 } satisfies JobDefinition<Record<string, never>>,
  // Phone banks (lib/phonebank): REST calls kept off the webhooks' path, and tidying what nobody finished.
  "phonebank.hang-up-lead": { handler: hangUpLead, retryLimit: 6, retryDelaySeconds: 5 } satisfies JobDefinition<{ leadCallId: string }>,
  "phonebank.hang-up-line": { handler: hangUpLine, retryLimit: 6, retryDelaySeconds: 5 } satisfies JobDefinition<{ callSid: string }>,
  "phonebank.dial-next": { handler: dialNext, retryLimit: 0 } satisfies JobDefinition<{ sessionId: string }>,
  "phonebank.sweep": { handler: sweep, schedule: "* * * * *" } satisfies JobDefinition<Record<string, never>>,
  // One attempt to post an event to an organisation's endpoint; the queue's backoff spaces the retries.
  "integrations.deliver": {
    handler: async ({ deliveryId }: { deliveryId: string }) => deliverWebhook(db(), deliveryId),
    batchSize: 5,
    retryLimit: MAX_ATTEMPTS - 1,
    retryDelaySeconds: 30,
    retryBackoff: true,
  } satisfies JobDefinition<{ deliveryId: string }>,
  "integrations.sweep": {
    handler: async () => void (await sweepDeliveries(db())),
    schedule: "* * * * *",
  } satisfies JobDefinition<Record<string, never>>,
};

export type JobHandlers = Record<string, JobDefinition<never>>;
export type JobName = keyof typeof JOB_HANDLERS;
export type JobData<Name extends JobName> = Parameters<(typeof JOB_HANDLERS)[Name]["handler"]>[0];
