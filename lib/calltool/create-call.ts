import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { selectRows, type Db } from "../db/client";
import { calls, type Call, type CallScript } from "./call-schema";

/** A live call older than this is over, whatever we heard: the member's time limit, a ring and a queue are long past. */
export const LIVE_AT_MOST_MINUTES = 45;
const DAY_SECONDS = 24 * 3600;

export type NewCall = Pick<Call, "id" | "memberPhone" | "script">;
export type CallValues = { pageId: string; pluginId: string; targetId: string; memberPhone: string; memberCountry: string; memberIp: string; script: CallScript; idempotencyKey?: string };
export type Created = { kind: "created"; call: NewCall } | { kind: "existing"; id: string } | { kind: "limit"; retryAfter: number };

/**
 * Creates a member's call, in one statement, unless the number has had
 * `perDay` calls from this page in the last 24 hours (so only calls actually
 * made count, and a refused request costs the number nothing) or already has
 * a live one (the unique index on live calls holds under any concurrency:
 * a concurrent insert waits for the first and then does nothing). Answers
 * the call that is already there in that case.
 */
export async function createCall(db: Db, values: CallValues, perDay: number): Promise<Created> {
  for (let tries = 0; tries < 2; tries++) {
    const [created] = await selectRows<{ id: string }>(
      db,
      sql`insert into calls (page_id, plugin_id, target_id, member_phone, member_country, member_ip, script, idempotency_key)
          select ${values.pageId}, ${values.pluginId}, ${values.targetId}, ${values.memberPhone}, ${values.memberCountry}, ${values.memberIp},
                 ${JSON.stringify(values.script)}::jsonb, ${values.idempotencyKey ?? null}
          where (select count(*) from calls
                 where page_id = ${values.pageId} and member_phone = ${values.memberPhone} and created_at > now() - make_interval(secs => ${DAY_SECONDS})) < ${perDay}
          on conflict do nothing
          returning id`,
    );
    if (created) return { kind: "created", call: { id: created.id, memberPhone: values.memberPhone, script: values.script } };
    const existing = await findExisting(db, values.pageId, values.memberPhone, values.idempotencyKey);
    if (existing) return { kind: "existing", id: existing.id };
    // A live call nobody closed (its callbacks lost, the reconciliation job not run yet) must not block the member for ever.
    if (tries === 0 && (await closeStaleCalls(db, values.pageId, values.memberPhone)) > 0) continue;
    break;
  }
  return { kind: "limit", retryAfter: await secondsUntilNextCall(db, values.pageId, values.memberPhone) };
}

const stillLive = sql`${calls.endedAt} is null and ${calls.createdAt} >= now() - make_interval(mins => ${LIVE_AT_MOST_MINUTES})`;

/** The call made with this idempotency key, else the live call for this number and page. */
export async function findExisting(db: Db, pageId: string, memberPhone: string, idempotencyKey: string | undefined): Promise<Pick<Call, "id"> | undefined> {
  const keyMatches = idempotencyKey ? sql`(${calls.idempotencyKey} = ${idempotencyKey})` : sql`(${calls.idempotencyKey} is null and false)`;
  const [row] = await db
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.pageId, pageId), eq(calls.memberPhone, memberPhone), sql`(${stillLive} or ${keyMatches})`))
    .orderBy(sql`${keyMatches} desc`, sql`${calls.createdAt} desc`)
    .limit(1);
  return row;
}

async function closeStaleCalls(db: Db, pageId: string, memberPhone: string): Promise<number> {
  const closed = await db
    .update(calls)
    .set({ endedAt: sql`now()` })
    .where(and(eq(calls.pageId, pageId), eq(calls.memberPhone, memberPhone), sql`${calls.endedAt} is null and not (${stillLive})`))
    .returning({ id: calls.id });
  return closed.length;
}

/** When the oldest of the day's calls leaves the 24-hour window. */
async function secondsUntilNextCall(db: Db, pageId: string, memberPhone: string): Promise<number> {
  const [row] = await selectRows<{ seconds: number | string | null }>(
    db,
    sql`select extract(epoch from (min(created_at) + make_interval(secs => ${DAY_SECONDS}) - now())) as seconds
        from calls where page_id = ${pageId} and member_phone = ${memberPhone} and created_at > now() - make_interval(secs => ${DAY_SECONDS})`,
  );
  return Math.max(1, Math.ceil(Number(row?.seconds ?? 60)));
}
