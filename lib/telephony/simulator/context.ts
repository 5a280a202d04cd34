import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client";

/** Everything a simulator needs, passed in so tests can run one on their own database and clock. */
export type Simulator = {
  db: Db;
  accountSid: string;
  authToken: string;
  /** Simulated seconds per real second. */
  speed: number;
};

/** Waits `seconds` of simulated time. */
export function sleep(sim: Simulator, seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, (seconds * 1000) / sim.speed)));
}

/** Simulated seconds that passed between two real instants. */
export function simulatedSeconds(sim: Simulator, from: Date, to: Date = new Date()): number {
  return Math.max(0, Math.round(((to.getTime() - from.getTime()) / 1000) * sim.speed));
}

export function newSid(prefix: "CA" | "QU"): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

/** Twilio's date format: RFC 2822, always UTC. "Sun, 25 Mar 2018 09:53:19 +0000" */
export function rfc2822(date: Date | null | undefined): string | null {
  if (!date) return null;
  return date.toUTCString().replace("GMT", "+0000");
}

/** A phone number as Twilio takes it: E.164. */
export const E164 = /^\+[1-9]\d{6,14}$/;
