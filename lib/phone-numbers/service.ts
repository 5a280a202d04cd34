import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { Db } from "../db/client";
import { FieldError, isUniqueViolation } from "../errors";
import { phoneNumbers, type PhoneNumber } from "../pages/schema";

/** The organisation's caller IDs: the numbers its calls may show. */
export function listPhoneNumbers(db: Db): Promise<PhoneNumber[]> {
  return db.select().from(phoneNumbers).orderBy(asc(phoneNumbers.number));
}

/** Normalises what a campaigner typed ("+44 20 7946 0018") to E.164, or explains why it can't be a caller ID. */
export function normaliseCallerId(input: string): string {
  const trimmed = input.trim();
  if (!trimmed.startsWith("+")) throw new FieldError("number", "Enter the number in international form, starting with + and the country code");
  const parsed = parsePhoneNumberFromString(trimmed);
  if (!parsed?.isValid()) throw new FieldError("number", "This isn't a valid phone number");
  return parsed.number;
}

export async function addPhoneNumber(db: Db, input: { number: string; label: string }, source: "manual" | "twilio" = "manual"): Promise<PhoneNumber> {
  const number = normaliseCallerId(input.number);
  try {
    const [row] = await db.insert(phoneNumbers).values({ number, label: input.label.trim().slice(0, 100), source }).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new FieldError("number", "This number is already on the list");
    throw error;
  }
}

export async function removePhoneNumber(db: Db, id: string): Promise<void> {
  await db.delete(phoneNumbers).where(eq(phoneNumbers.id, id));
}

/** Adds the numbers not yet on the list; answers how many were new. */
export async function importPhoneNumbers(db: Db, numbers: { number: string; label: string }[]): Promise<number> {
  if (numbers.length === 0) return 0;
  const known = new Set((await db.select({ number: phoneNumbers.number }).from(phoneNumbers).where(inArray(phoneNumbers.number, numbers.map((n) => n.number)))).map((row) => row.number));
  const fresh = numbers.filter((n) => !known.has(n.number));
  if (fresh.length > 0) await db.insert(phoneNumbers).values(fresh.map((n) => ({ ...n, source: "twilio" }))).onConflictDoNothing();
  return fresh.length;
}

/** Which of these numbers are on the list. */
export async function knownCallerIds(db: Db, numbers: string[]): Promise<Set<string>> {
  const wanted = [...new Set(numbers.filter(Boolean))];
  if (wanted.length === 0) return new Set();
  const rows = await db.select({ number: phoneNumbers.number }).from(phoneNumbers).where(inArray(phoneNumbers.number, wanted));
  return new Set(rows.map((row) => row.number));
}
