import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { selectRows, type Db } from "../db/client";
import { FALLBACK_TIME_ZONE, inWindow } from "../recall/hours";
import { guessTimeZones } from "../recall/time-zone";
import type { CsvError } from "../csv/sheet";
import { parseLeadsCsv, type LeadDraft } from "./leads-csv";
import { leads, type Lead, type PhoneBank } from "./schema";

export type LeadImport = { added: number; updated: number; doNotCall: number; merged: number };

async function compare(db: Db, phoneBankId: string, drafts: LeadDraft[]) {
  const existing = new Map<string, string>();
  for (let i = 0; i < drafts.length; i += 1000) {
    const phones = drafts.slice(i, i + 1000).map((draft) => draft.phone);
    const rows = await db.select({ phone: leads.phone, status: leads.status }).from(leads).where(and(eq(leads.phoneBankId, phoneBankId), inArray(leads.phone, phones)));
    for (const row of rows) existing.set(row.phone, row.status);
  }
  return existing;
}

type Plan = { ok: true; drafts: LeadDraft[]; existing: Map<string, string>; summary: LeadImport } | { ok: false; errors: CsvError[] };

async function plan(db: Db, phoneBankId: string, csv: string): Promise<Plan> {
  const parsed = parseLeadsCsv(csv);
  if (!parsed.ok) return parsed;
  const existing = await compare(db, phoneBankId, parsed.leads);
  const added = parsed.leads.filter((lead) => !existing.has(lead.phone)).length;
  const summary = { added, updated: parsed.leads.length - added, doNotCall: parsed.leads.filter((lead) => lead.doNotCall).length, merged: parsed.merged };
  return { ok: true, drafts: parsed.leads, existing, summary };
}

/** What an import would do, without doing it. */
export async function previewLeadImport(db: Db, phoneBankId: string, csv: string): Promise<{ ok: true; summary: LeadImport } | { ok: false; errors: CsvError[] }> {
  const planned = await plan(db, phoneBankId, csv);
  return planned.ok ? { ok: true, summary: planned.summary } : planned;
}

/**
 * Adds new leads and updates known ones (same number): name and columns
 * refreshed, how far their calls got kept. "Do not call" in the file sticks,
 * and nothing in a later file takes it away. All in one transaction.
 */
export async function importLeads(db: Db, phoneBankId: string, csv: string): Promise<{ ok: true; summary: LeadImport } | { ok: false; errors: CsvError[] }> {
  const planned = await plan(db, phoneBankId, csv);
  if (!planned.ok) return planned;
  const { drafts, existing } = planned;
  const zones = new Map<string, string[]>();
  for (const lead of drafts) {
    if (!existing.has(lead.phone)) zones.set(lead.phone, (await guessTimeZones(lead.phone)).slice(0, 50));
  }
  await db.transaction(async (tx) => {
    const [{ last } = { last: 0 }] = await tx.select({ last: sql<number>`coalesce(max(${leads.position}), 0)` }).from(leads).where(eq(leads.phoneBankId, phoneBankId));
    for (let i = 0; i < drafts.length; i += 500) {
      const chunk = drafts.slice(i, i + 500);
      await tx
        .insert(leads)
        .values(
          chunk.map((lead, index) => ({
            phoneBankId,
            position: Number(last) + i + index + 1,
            name: lead.name,
            phone: lead.phone,
            fields: lead.fields,
            timeZones: zones.get(lead.phone)?.length ? zones.get(lead.phone)! : [FALLBACK_TIME_ZONE],
            status: lead.doNotCall ? ("do-not-call" as const) : ("waiting" as const),
          })),
        )
        .onConflictDoUpdate({
          target: [leads.phoneBankId, leads.phone],
          set: {
            name: sql`excluded.name`,
            fields: sql`${leads.fields} || excluded.fields`,
            status: sql`case when excluded.status = 'do-not-call' then 'do-not-call' else ${leads.status} end`,
          },
        });
    }
  });
  return { ok: true, summary: planned.summary };
}

/** Time zones in which `now` is inside the phone bank's calling hours, among those its waiting leads are in. */
async function openZones(db: Db, bank: PhoneBank, now: Date): Promise<string[]> {
  const rows = await selectRows<{ zone: string }>(
    db,
    sql`select distinct jsonb_array_elements_text(time_zones) as zone from phone_bank_leads where phone_bank_id = ${bank.id} and status = 'waiting'`,
  );
  const window = { start: bank.callingStart, end: bank.callingEnd };
  return rows.map((row) => row.zone).filter((zone) => inWindow(now, [zone], window));
}

/**
 * Takes the next lead for a session, atomically: due recalls first, then in
 * import order, only where it is calling hours in every zone the lead may be
 * in. SKIP LOCKED lets concurrent claims pass each other: two volunteers
 * never get the same lead, and neither waits for the other.
 */
export async function claimNextLead(db: Db, bank: PhoneBank, now = new Date()): Promise<Lead | null> {
  const open = await openZones(db, bank, now);
  if (open.length === 0) return null;
  const [row] = await selectRows<{ id: string }>(
    db,
    sql`update phone_bank_leads set status = 'calling', attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, now()), updated_at = now()
        where id = (
          select id from phone_bank_leads
          where phone_bank_id = ${bank.id} and status = 'waiting' and (next_attempt_at is null or next_attempt_at <= now())
            and time_zones <@ ${JSON.stringify(open)}::jsonb
          order by next_attempt_at asc nulls last, position
          limit 1 for update skip locked)
        returning id`,
  );
  if (!row) return null;
  const [lead] = await db.select().from(leads).where(eq(leads.id, row.id));
  return lead ?? null;
}

export type LeadCounts = { total: number; waiting: number; dueNow: number; inRecall: number; calling: number; answered: number; done: number; unreachable: number; invalid: number; doNotCall: number };

export async function leadCounts(db: Db, phoneBankId: string): Promise<LeadCounts> {
  const [row] = await selectRows<Record<keyof LeadCounts, string | number>>(
    db,
    sql`select count(*) as total,
          count(*) filter (where status = 'waiting') as waiting,
          count(*) filter (where status = 'waiting' and (next_attempt_at is null or next_attempt_at <= now())) as "dueNow",
          count(*) filter (where status = 'waiting' and next_attempt_at > now()) as "inRecall",
          count(*) filter (where status = 'calling') as calling,
          count(*) filter (where status = 'answered') as answered,
          count(*) filter (where status = 'done') as done,
          count(*) filter (where status = 'unreachable') as unreachable,
          count(*) filter (where status = 'invalid') as invalid,
          count(*) filter (where status = 'do-not-call') as "doNotCall"
        from phone_bank_leads where phone_bank_id = ${phoneBankId}`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)])) as LeadCounts;
}

export async function dispositionCounts(db: Db, phoneBankId: string): Promise<{ disposition: string; count: number }[]> {
  const rows = await db
    .select({ disposition: leads.disposition, count: count() })
    .from(leads)
    .where(and(eq(leads.phoneBankId, phoneBankId), sql`${leads.disposition} is not null`))
    .groupBy(leads.disposition)
    .orderBy(asc(leads.disposition));
  return rows.map((row) => ({ disposition: row.disposition!, count: Number(row.count) }));
}

export function allLeads(db: Db, phoneBankId: string): Promise<Lead[]> {
  return db.select().from(leads).where(eq(leads.phoneBankId, phoneBankId)).orderBy(asc(leads.position));
}
