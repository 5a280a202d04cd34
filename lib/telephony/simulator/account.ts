import { and, asc, eq } from "drizzle-orm";
import type { Simulator } from "./context";
import { newSid } from "./ids";
import { simCallerIds, simNumbers, type SimCallerId, type SimNumber } from "./schema";

/** Twilio's magic test caller ID: accepted as From without being owned or verified. */
export const MAGIC_CALLER_ID = "+15005550006";

/**
 * The number every embedded setup starts with, so the virtual phone can dial
 * in from the first start (the phone bank and dial-in point it at their routes).
 * A London number from Ofcom's range for drama, so it rings nobody real.
 */
export const STARTER_NUMBER = { phoneNumber: "+442079460000", friendlyName: "Simulator dial-in number" };

export function listNumbers(sim: Simulator): Promise<SimNumber[]> {
  return sim.db.select().from(simNumbers).where(eq(simNumbers.accountSid, sim.accountSid)).orderBy(asc(simNumbers.createdAt), asc(simNumbers.phoneNumber));
}

export async function numberBySid(sim: Simulator, sid: string): Promise<SimNumber | undefined> {
  const [row] = await sim.db.select().from(simNumbers).where(and(eq(simNumbers.accountSid, sim.accountSid), eq(simNumbers.sid, sid)));
  return row;
}

export async function numberByPhone(sim: Simulator, phoneNumber: string): Promise<SimNumber | undefined> {
  const [row] = await sim.db.select().from(simNumbers).where(and(eq(simNumbers.accountSid, sim.accountSid), eq(simNumbers.phoneNumber, phoneNumber)));
  return row;
}

export type NumberSettings = Partial<Pick<SimNumber, "friendlyName" | "voiceUrl" | "voiceMethod" | "voiceFallbackUrl" | "voiceFallbackMethod" | "statusCallback" | "statusCallbackMethod">>;

/** Buys a number for the account (IncomingPhoneNumbers create). Answers null when the account already has it. */
export async function buyNumber(sim: Simulator, phoneNumber: string, settings: NumberSettings = {}): Promise<SimNumber | null> {
  const [row] = await sim.db
    .insert(simNumbers)
    .values({ sid: await newSid(sim, "PN"), accountSid: sim.accountSid, phoneNumber, friendlyName: phoneNumber, ...settings })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function updateNumber(sim: Simulator, sid: string, settings: NumberSettings): Promise<SimNumber | undefined> {
  const [row] = await sim.db.update(simNumbers).set(settings).where(and(eq(simNumbers.accountSid, sim.accountSid), eq(simNumbers.sid, sid))).returning();
  return row;
}

export async function releaseNumber(sim: Simulator, sid: string): Promise<boolean> {
  return (await sim.db.delete(simNumbers).where(and(eq(simNumbers.accountSid, sim.accountSid), eq(simNumbers.sid, sid))).returning()).length > 0;
}

/** Gives a fresh account its starter number; running it again changes nothing. */
export async function seedAccount(sim: Simulator): Promise<void> {
  if (!(await numberByPhone(sim, STARTER_NUMBER.phoneNumber))) await buyNumber(sim, STARTER_NUMBER.phoneNumber, { friendlyName: STARTER_NUMBER.friendlyName });
}

export function listCallerIds(sim: Simulator): Promise<SimCallerId[]> {
  return sim.db.select().from(simCallerIds).where(eq(simCallerIds.accountSid, sim.accountSid)).orderBy(asc(simCallerIds.createdAt));
}

export async function callerIdBySid(sim: Simulator, sid: string): Promise<SimCallerId | undefined> {
  const [row] = await sim.db.select().from(simCallerIds).where(and(eq(simCallerIds.accountSid, sim.accountSid), eq(simCallerIds.sid, sid)));
  return row;
}

/** Verifies a caller ID, as Twilio's validation call would once its code is entered. Idempotent. */
export async function verifyCallerId(sim: Simulator, phoneNumber: string, friendlyName = phoneNumber): Promise<SimCallerId> {
  await sim.db.insert(simCallerIds).values({ sid: await newSid(sim, "PN", "caller-id"), accountSid: sim.accountSid, phoneNumber, friendlyName }).onConflictDoNothing();
  const [row] = await sim.db.select().from(simCallerIds).where(and(eq(simCallerIds.accountSid, sim.accountSid), eq(simCallerIds.phoneNumber, phoneNumber)));
  return row!;
}

export async function updateCallerId(sim: Simulator, sid: string, friendlyName: string): Promise<SimCallerId | undefined> {
  const [row] = await sim.db.update(simCallerIds).set({ friendlyName }).where(and(eq(simCallerIds.accountSid, sim.accountSid), eq(simCallerIds.sid, sid))).returning();
  return row;
}

export async function deleteCallerId(sim: Simulator, sid: string): Promise<boolean> {
  return (await sim.db.delete(simCallerIds).where(and(eq(simCallerIds.accountSid, sim.accountSid), eq(simCallerIds.sid, sid))).returning()).length > 0;
}

/** Twilio's caller-ID rule: a number the account owns, a verified caller ID, or the magic test number. */
export async function mayCallFrom(sim: Simulator, phoneNumber: string): Promise<boolean> {
  if (phoneNumber === MAGIC_CALLER_ID) return true;
  if (await numberByPhone(sim, phoneNumber)) return true;
  const [verified] = await sim.db.select({ sid: simCallerIds.sid }).from(simCallerIds).where(and(eq(simCallerIds.accountSid, sim.accountSid), eq(simCallerIds.phoneNumber, phoneNumber)));
  return !!verified;
}
