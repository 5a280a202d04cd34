import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../db/client";
import { leadCalls, leads, phoneBanks } from "../phonebank/schema";

export type PhoneBankSummary = { id: string; name: string; dials: number; answered: number; answerRate: number | null };
export type PhoneBankStats = PhoneBankSummary & {
  /** The last 24 hours, hour by hour (UTC), oldest first. */
  perHour: { period: string; calls: number; reached: number }[];
  dispositions: { value: string; count: number }[];
};

/** A lead who picked up: a person (answering machines are counted apart). */
const answered = (alias: string) => sql.raw(`${alias}.answered_at is not null and ${alias}.status <> 'machine'`);

/** Every phone bank's dials and answer rate, for the statistics overview. One query. */
export async function phoneBankSummaries(db: Db): Promise<PhoneBankSummary[]> {
  const rows = await selectRows<{ id: string; name: string; dials: number; answered: number }>(
    db,
    sql`select b.id, b.name, count(c.id)::int as dials, (count(c.id) filter (where ${answered("c")}))::int as answered
        from ${phoneBanks} b left join ${leadCalls} c on c.phone_bank_id = b.id
        group by b.id, b.name order by b.name`,
  );
  return rows.map((row) => ({ ...row, answerRate: row.dials ? row.answered / row.dials : null }));
}

/** One phone bank: dials per hour over the last day, answer rate and the outcomes volunteers recorded. */
export async function phoneBankStats(db: Db, id: string, now = new Date()): Promise<PhoneBankStats | null> {
  const summary = (await phoneBankSummaries(db)).find((bank) => bank.id === id);
  if (!summary) return null;
  const since = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 23 * 3_600_000);
  const [hours, dispositions] = await Promise.all([
    selectRows<{ hour: string; dials: number; answered: number }>(
      db,
      sql`select to_char(date_trunc('hour', l.created_at at time zone 'UTC'), 'YYYY-MM-DD"T"HH24') as hour, count(*)::int as dials, (count(*) filter (where ${answered("l")}))::int as answered
          from ${leadCalls} l where l.phone_bank_id = ${id} and l.created_at >= ${since.toISOString()}::timestamptz group by 1`,
    ),
    selectRows<{ value: string; count: number }>(
      db,
      sql`select disposition as value, count(*)::int as count from ${leads} where phone_bank_id = ${id} and disposition is not null group by disposition order by count(*) desc, disposition`,
    ),
  ]);
  const byHour = new Map(hours.map((row) => [row.hour, row]));
  const perHour = Array.from({ length: 24 }, (_, index) => {
    const hour = new Date(since.getTime() + index * 3_600_000).toISOString().slice(0, 13);
    return { period: hour, calls: byHour.get(hour)?.dials ?? 0, reached: byHour.get(hour)?.answered ?? 0 };
  });
  return { ...summary, perHour, dispositions };
}

