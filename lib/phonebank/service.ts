import "server-only";
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { FieldError, FormError, StaleEditError } from "../errors";
import { knownCallerIds } from "../phone-numbers/service";
import { DEFAULT_RECALL_POLICY } from "../recall/policy";
import { DEFAULT_DISPOSITIONS, type PhoneBankForm } from "../zod/phone-bank";
import { recallPolicyOf } from "../zod/recall-form";
import { leads, phoneBanks, sessions, type PhoneBank } from "./schema";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isUuid = (value: string) => UUID.test(value);

export async function createPhoneBank(db: Db, name: string, userId: string | null): Promise<PhoneBank> {
  const trimmed = name.trim();
  if (!trimmed) throw new FieldError("name", "Give the phone bank a name");
  const [bank] = await db
    .insert(phoneBanks)
    .values({ name: trimmed.slice(0, 200), dispositions: DEFAULT_DISPOSITIONS, recall: DEFAULT_RECALL_POLICY, createdBy: userId })
    .returning();
  return bank!;
}

export async function loadPhoneBank(db: Db, id: string): Promise<PhoneBank | null> {
  if (!isUuid(id)) return null;
  const [bank] = await db.select().from(phoneBanks).where(eq(phoneBanks.id, id));
  return bank ?? null;
}

export type PhoneBankSummary = PhoneBank & { leadCount: number; volunteersOnline: number };

export async function listPhoneBanks(db: Db, options: { openOnly?: boolean } = {}): Promise<PhoneBankSummary[]> {
  const leadCounts = db.select({ bankId: leads.phoneBankId, n: count().as("lead_count") }).from(leads).groupBy(leads.phoneBankId).as("lead_counts");
  const online = db
    .select({ bankId: sessions.phoneBankId, n: count().as("online_count") })
    .from(sessions)
    .where(isNull(sessions.endedAt))
    .groupBy(sessions.phoneBankId)
    .as("online");
  const rows = await db
    .select({ bank: phoneBanks, leadCount: leadCounts.n, volunteersOnline: online.n })
    .from(phoneBanks)
    .leftJoin(leadCounts, eq(leadCounts.bankId, phoneBanks.id))
    .leftJoin(online, eq(online.bankId, phoneBanks.id))
    .where(options.openOnly ? eq(phoneBanks.status, "open") : undefined)
    .orderBy(desc(phoneBanks.createdAt), asc(phoneBanks.name));
  return rows.map((row) => ({ ...row.bank, leadCount: Number(row.leadCount ?? 0), volunteersOnline: Number(row.volunteersOnline ?? 0) }));
}

/** Saves the settings if nobody saved since `version`; answers the new version. Both numbers must be on Phone numbers. */
export async function savePhoneBank(db: Db, id: string, version: number, form: PhoneBankForm): Promise<number> {
  const known = await knownCallerIds(db, [form.inboundNumber, form.callerId]);
  if (form.inboundNumber && !known.has(form.inboundNumber)) throw new FieldError("inboundNumber", "Add this number on the Phone numbers page first, or choose one from the list");
  if (form.callerId && !known.has(form.callerId)) throw new FieldError("callerId", "Add this number on the Phone numbers page first, or choose one from the list");
  const [updated] = await db
    .update(phoneBanks)
    .set({
      name: form.name,
      script: form.script,
      inboundNumber: form.inboundNumber,
      callerId: form.callerId,
      dispositions: form.dispositions,
      callingStart: form.callingStart,
      callingEnd: form.callingEnd,
      recall: recallPolicyOf(form),
      machineDetection: form.machineDetection,
      voicemailMessage: form.voicemailMessage,
      version: sql`${phoneBanks.version} + 1`,
    })
    .where(and(eq(phoneBanks.id, id), eq(phoneBanks.version, version)))
    .returning({ version: phoneBanks.version });
  if (updated) return updated.version;
  throw (await loadPhoneBank(db, id)) ? new StaleEditError("phone bank") : new FormError("This phone bank no longer exists.");
}

/** Closing a phone bank stops new sessions and calls; it can be opened again. */
export async function setPhoneBankStatus(db: Db, id: string, status: "open" | "closed"): Promise<void> {
  await db.update(phoneBanks).set({ status }).where(eq(phoneBanks.id, id));
}
