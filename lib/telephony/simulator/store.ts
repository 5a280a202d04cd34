import { and, eq, sql } from "drizzle-orm";
import { selectRows } from "../../db/client";
import { log } from "../../log";
import type { Simulator } from "./context";
import { simCallLog, simCalls, type SimCall } from "./schema";

export const TERMINAL_STATUSES = ["completed", "busy", "failed", "no-answer", "canceled"] as const;

export function isTerminal(status: string): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

export async function getCall(sim: Simulator, sid: string): Promise<SimCall | undefined> {
  const [call] = await sim.db.select().from(simCalls).where(eq(simCalls.sid, sid));
  return call;
}

export async function updateCall(sim: Simulator, sid: string, values: Partial<typeof simCalls.$inferInsert>): Promise<void> {
  await sim.db.update(simCalls).set(values).where(eq(simCalls.sid, sid));
}

/** What the phone hears now; shown live on /dev/phone. */
export function setActivity(sim: Simulator, sid: string, activity: string): Promise<void> {
  return updateCall(sim, sid, { activity });
}

export async function record(sim: Simulator, callSid: string, kind: string, message: string, detail?: Record<string, unknown>): Promise<void> {
  await sim.db.insert(simCallLog).values({ callSid, kind, message, detail });
  // Errors are what Twilio's debugger would show: put them where a developer looks.
  if (kind === "error") log.error({ callSid, ...detail }, `Twilio simulator: ${message}`);
}

/** Takes the next SequenceNumber for a status callback, atomically. */
export async function nextSequenceNumber(sim: Simulator, sid: string): Promise<number> {
  const [row] = await sim.db
    .update(simCalls)
    .set({ sequenceNumber: sql`${simCalls.sequenceNumber} + 1` })
    .where(eq(simCalls.sid, sid))
    .returning({ next: simCalls.sequenceNumber });
  return (row?.next ?? 1) - 1;
}

/**
 * A key pressed on the phone. It reaches the call only while a <Gather> is
 * listening (during its prompts too); otherwise it is lost, as on Twilio.
 * Answers whether it was heard.
 */
export async function pressDigits(sim: Simulator, sid: string, digits: string): Promise<boolean> {
  const heard = await sim.db
    .update(simCalls)
    .set({ pendingDigits: sql`${simCalls.pendingDigits} || ${digits}` })
    .where(and(eq(simCalls.sid, sid), eq(simCalls.gathering, true)))
    .returning({ sid: simCalls.sid });
  await record(sim, sid, "digits", heard.length ? `Pressed ${digits}` : `Pressed ${digits}: lost, no <Gather> was listening`);
  return heard.length > 0;
}

/** A <Gather> starts or stops listening. Keys it did not use are dropped with it. */
export async function setGathering(sim: Simulator, sid: string, gathering: boolean): Promise<void> {
  await sim.db
    .update(simCalls)
    .set(gathering ? { gathering, gatherings: sql`${simCalls.gatherings} + 1` } : { gathering, pendingDigits: "" })
    .where(eq(simCalls.sid, sid));
}

/** Takes the keypresses waiting for the runner: the update returns them and clears them in one statement. */
export async function takeDigits(sim: Simulator, sid: string): Promise<string> {
  const [row] = await selectRows<{ taken: string }>(
    sim.db,
    sql`update sim_calls set pending_digits = '' from (select pending_digits as taken from sim_calls where sid = ${sid} for update) old
        where sid = ${sid} returning old.taken`,
  );
  return row?.taken ?? "";
}
