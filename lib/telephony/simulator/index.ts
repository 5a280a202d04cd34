import "server-only";
import { notInArray } from "drizzle-orm";
import { db } from "../../db/client";
import { telephonyConfig } from "../config";
import { seedAccount } from "./account";
import type { Simulator } from "./context";
import { simCalls } from "./schema";
import { TERMINAL_STATUSES } from "./store";

export type { Simulator } from "./context";

/** The app's simulator, or null with real Twilio configured (then everything under /dev answers 404). */
export function appSimulator(): Simulator | null {
  const config = telephonyConfig();
  if (config.mode !== "simulator") return null;
  return {
    db: db(),
    accountSid: config.accountSid,
    authToken: config.authToken,
    speed: config.simulatorSpeed,
    disorder: config.simulatorDisorder,
    seed: config.simulatorSeed,
    cps: config.simulatorCps,
    appUrl: config.publicUrl,
  };
}

/**
 * Readies the simulator at start-up: the account gets its starter number
 * (once), and calls left over from the last run are ended, as a dropped
 * line would be: a call's runner lives in the process that started it, and
 * after a restart none is left for them. Answers how many were ended.
 */
export async function prepareSimulator(sim: Simulator): Promise<{ orphaned: number }> {
  await seedAccount(sim);
  const ended = await sim.db
    .update(simCalls)
    .set({ status: "failed", activity: "", endTime: new Date() })
    .where(notInArray(simCalls.status, [...TERMINAL_STATUSES]))
    .returning({ sid: simCalls.sid });
  return { orphaned: ended.length };
}
