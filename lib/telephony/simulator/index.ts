import "server-only";
import { notInArray } from "drizzle-orm";
import { db } from "../../db/client";
import { telephonyConfig } from "../config";
import type { Simulator } from "./context";
import { simCalls } from "./schema";
import { TERMINAL_STATUSES } from "./store";

export type { Simulator } from "./context";

/** The app's simulator, or null with real Twilio configured (then everything under /dev answers 404). */
export function appSimulator(): Simulator | null {
  const config = telephonyConfig();
  if (config.mode !== "simulator") return null;
  return { db: db(), accountSid: config.accountSid, authToken: config.authToken, speed: config.simulatorSpeed };
}

/**
 * A call's runner lives in the process that started it. After a restart no
 * runner is left for calls that were still up, so they are ended, as a
 * dropped line would be.
 */
export async function endOrphanedCalls(sim: Simulator): Promise<number> {
  const ended = await sim.db
    .update(simCalls)
    .set({ status: "failed", activity: "", endTime: new Date() })
    .where(notInArray(simCalls.status, [...TERMINAL_STATUSES]))
    .returning({ sid: simCalls.sid });
  return ended.length;
}

