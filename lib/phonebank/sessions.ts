import "server-only";
import { randomInt } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { selectRows, type Db } from "../db/client";
import { FormError, isUniqueViolation } from "../errors";
import { isUuid } from "./service";
import { phoneBanks, sessions, type PhoneBankSession } from "./schema";

/** Six digits, typed on a phone keypad. */
export const ACCESS_CODE = /^\d{6}$/;

const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, "0");

/** The volunteer's live session on this phone bank, if they have one. */
export async function currentSession(db: Db, phoneBankId: string, volunteerId: string): Promise<PhoneBankSession | null> {
  if (!isUuid(phoneBankId)) return null;
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.phoneBankId, phoneBankId), eq(sessions.volunteerId, volunteerId), isNull(sessions.endedAt)));
  return session ?? null;
}

/**
 * Joins a phone bank: a new session with a fresh access code, unique among
 * sessions not ended (a partial unique index decides; a clash draws again).
 * Joining twice answers the session already open.
 */
export async function joinPhoneBank(db: Db, phoneBankId: string, volunteerId: string): Promise<PhoneBankSession> {
  const [bank] = await db.select({ status: phoneBanks.status, inbound: phoneBanks.inboundNumber }).from(phoneBanks).where(eq(phoneBanks.id, phoneBankId));
  if (!bank) throw new FormError("This phone bank no longer exists.");
  if (bank.status !== "open") throw new FormError("This phone bank is closed.");
  if (!bank.inbound) throw new FormError("This phone bank has no number to dial in on yet. Ask the campaign team to choose one.");
  for (let attempt = 0; attempt < 20; attempt++) {
    const existing = await currentSession(db, phoneBankId, volunteerId);
    if (existing) return existing;
    try {
      const [session] = await db.insert(sessions).values({ phoneBankId, volunteerId, accessCode: newCode() }).returning();
      return session!;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Either the code is taken by another live session, or this volunteer joined in another tab: look again.
    }
  }
  throw new Error("could not draw a free access code");
}

/**
 * The volunteer typed their code on the phone: their line becomes the queue's
 * consumer. One statement. Answers the session (with the line it replaces,
 * if they called in again from another phone), or null for a code that names
 * no live session.
 */
export async function connectVolunteerLine(db: Db, code: string, consumerCallSid: string): Promise<{ id: string; accessCode: string; replacedLine: string | null } | null> {
  if (!ACCESS_CODE.test(code)) return null;
  const [session] = await selectRows<{ id: string; access_code: string; replaced_line: string | null }>(
    db,
    sql`update phone_bank_sessions s set status = 'connected', consumer_call_sid = ${consumerCallSid}, last_seen_at = now()
        from (select id, consumer_call_sid as replaced_line from phone_bank_sessions where access_code = ${code} and ended_at is null for update) old
        where s.id = old.id
        returning s.id, s.access_code, nullif(old.replaced_line, ${consumerCallSid}) as replaced_line`,
  );
  return session ? { id: session.id, accessCode: session.access_code, replacedLine: session.replaced_line } : null;
}

/** The volunteer's line dropped. Only that line: a late request about an earlier line changes nothing. */
export async function disconnectVolunteerLine(db: Db, sessionId: string, consumerCallSid: string): Promise<PhoneBankSession | null> {
  if (!isUuid(sessionId)) return null;
  const [session] = await db
    .update(sessions)
    .set({ status: "disconnected", consumerCallSid: null })
    .where(and(eq(sessions.id, sessionId), eq(sessions.consumerCallSid, consumerCallSid), isNull(sessions.endedAt)))
    .returning();
  return session ?? null;
}

export async function setAutoConnect(db: Db, sessionId: string, volunteerId: string, autoConnect: boolean): Promise<void> {
  await db
    .update(sessions)
    .set({ autoConnect })
    .where(and(eq(sessions.id, sessionId), eq(sessions.volunteerId, volunteerId), isNull(sessions.endedAt)));
}

/** The volunteer's page is open (its live stream calls this now and then). */
export async function touchSession(db: Db, sessionId: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}
