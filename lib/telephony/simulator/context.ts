import type { Db } from "../../db/client";

/** Everything a simulator needs, passed in so tests can run one on their own database, clock and seed. */
export type Simulator = {
  db: Db;
  accountSid: string;
  authToken: string;
  /** Simulated seconds per real second. */
  speed: number;
  /** Shuffle, delay and repeat status callbacks, as Twilio may (SIMULATOR_DISORDER). */
  disorder: boolean;
  /** Makes every random choice (disorder, SIDs, detection delays) replayable (SIMULATOR_SEED). */
  seed: string;
  /** New calls per second the account places; faster ones wait queued (SIMULATOR_CPS). */
  cps: number;
  /** The app's origin (PUBLIC_URL): the only place the virtual phone's inbound calls to a URL may go. */
  appUrl: string;
};

/** Waits `seconds` of simulated time. */
export function sleep(sim: Simulator, seconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, (seconds * 1000) / sim.speed)));
}

/** Simulated seconds that passed between two real instants. */
export function simulatedSeconds(sim: Simulator, from: Date, to: Date = new Date()): number {
  return Math.max(0, Math.round(((to.getTime() - from.getTime()) / 1000) * sim.speed));
}

/** Twilio's date format: RFC 2822, always UTC. "Sun, 25 Mar 2018 09:53:19 +0000" */
export function rfc2822(date: Date | null | undefined): string | null {
  if (!date) return null;
  return date.toUTCString().replace("GMT", "+0000");
}

/** A phone number as Twilio takes it: E.164. */
export const E164 = /^\+[1-9]\d{6,14}$/;
