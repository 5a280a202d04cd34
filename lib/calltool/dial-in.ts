import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { selectRows } from "../db/client";
import { callTargets, pages, plugins, type CallTargetRow, type Page, type Plugin } from "../pages/schema";
import type { TwilioParams } from "../telephony/webhook";
import { param } from "../telephony/webhook";
import { calls, type Call } from "./call-schema";
import { readCallToolConfig, type CallToolConfig } from "./config";
import { createCall, LIVE_AT_MOST_MINUTES } from "./create-call";
import type { Language } from "./languages";
import { checkMemberNumber, type MemberNumberRefusal } from "./member-number";
import { buildCallScript, callerIdFor } from "./script";

/**
 * A member dialling a call tool's number (config.dialInNumber, pointed at
 * /twilio/dial-in through lib/phone-numbers/routing.ts). The caller's number
 * (`From`) meets the web form's rules: country, number type, blocklist, the
 * daily limit per number and one live call per number and page. Their call is
 * created once they have chosen a target, as a call like any other
 * (direction "inbound"), whose one attempt is the caller's own line.
 */
export type DialInTool = { plugin: Plugin; page: Page; config: CallToolConfig };
export type CallerRefusal = MemberNumberRefusal | "limit" | "live";

const DAY_SECONDS = 24 * 3600;
const toTool = (row: { plugin: Plugin; page: Page }): DialInTool => ({ ...row, config: readCallToolConfig(row.plugin.config, row.page.language as Language) });

/** The active call tool, on a published page, whose dial-in number was dialled. One query. */
export async function findDialInTool(db: Db, number: string): Promise<DialInTool | null> {
  if (!/^\+\d{7,15}$/.test(number)) return null;
  const [row] = await db
    .select({ plugin: plugins, page: pages })
    .from(plugins)
    .innerJoin(pages, eq(pages.id, plugins.pageId))
    .where(and(eq(plugins.type, "call_tool"), eq(plugins.active, true), eq(pages.status, "published"), sql`${plugins.config}->>'dialInNumber' = ${number}`))
    .limit(1);
  return row ? toTool(row) : null;
}

/** The call tool a dial-in step's URL names, with its targets. Two queries. */
export async function loadDialInTool(db: Db, pluginId: string): Promise<(DialInTool & { targets: CallTargetRow[] }) | null> {
  if (!pluginId) return null;
  const [row] = await db
    .select({ plugin: plugins, page: pages })
    .from(plugins)
    .innerJoin(pages, eq(pages.id, plugins.pageId))
    .where(and(eq(plugins.id, pluginId), eq(plugins.type, "call_tool"), eq(plugins.active, true), eq(pages.status, "published")));
  if (!row) return null;
  const targets = await db.select().from(callTargets).where(eq(callTargets.pluginId, pluginId)).orderBy(asc(callTargets.position));
  return { ...toTool(row), targets };
}

const idempotencyKey = (callSid: string) => `dial-in:${callSid}`;

/** Whether the caller may use the call tool now, said before the message plays (the same rules hold when the call is created). */
export async function checkCaller(db: Db, tool: DialInTool, from: string, callSid: string): Promise<{ ok: true } | { ok: false; refusal: CallerRefusal }> {
  const checked = await checkMemberNumber(db, { phone: from, ip: "" }, { pluginId: tool.plugin.id, config: tool.config });
  if (!checked.ok) return checked;
  // The number's calls from this page today, and whether one that isn't this line's is still live: one query.
  const [row] = await selectRows<{ made: number | string; live: boolean | null }>(
    db,
    sql`select count(*) filter (where ${calls.createdAt} > now() - make_interval(secs => ${DAY_SECONDS})) as made,
               bool_or(${calls.endedAt} is null and ${calls.createdAt} >= now() - make_interval(mins => ${LIVE_AT_MOST_MINUTES})
                       and ${calls.idempotencyKey} is distinct from ${idempotencyKey(callSid)}) as live
        from ${calls} where ${calls.pageId} = ${tool.page.id} and ${calls.memberPhone} = ${checked.number}`,
  );
  if (row?.live) return { ok: false, refusal: "live" };
  if (Number(row?.made ?? 0) >= tool.config.callsPerNumberPerDay) return { ok: false, refusal: "limit" };
  return { ok: true };
}

/**
 * Creates the caller's call to `target`, with its one attempt (the caller's
 * line, answered) and the request that made it as its first event, where the
 * timeline shows Direction=inbound. Twilio's retry of the request (same
 * CallSid) finds the call made the first time.
 */
export async function startInboundCall(db: Db, tool: DialInTool, target: CallTargetRow, params: TwilioParams): Promise<{ ok: true; call: Pick<Call, "id" | "script"> } | { ok: false; refusal: CallerRefusal | "no-caller-id" }> {
  const callSid = param(params, "CallSid");
  const checked = await checkMemberNumber(db, { phone: param(params, "From"), ip: "" }, { pluginId: tool.plugin.id, config: tool.config });
  if (!checked.ok) return checked;
  const callerId = await callerIdFor(db, target, tool.config);
  if (!callerId) return { ok: false, refusal: "no-caller-id" };
  // The member rang us: there is nobody to call back.
  const script = await buildCallScript(db, tool.page, tool.config, target, callerId, { recall: false });
  const made = await createCall(
    db,
    { pageId: tool.page.id, pluginId: tool.plugin.id, targetId: target.id, memberPhone: checked.number, memberCountry: checked.country, memberIp: "", script, idempotencyKey: idempotencyKey(callSid) },
    tool.config.callsPerNumberPerDay,
  );
  if (made.kind === "limit") return { ok: false, refusal: "limit" };
  const id = made.kind === "created" ? made.call.id : made.id;
  const [call] = await selectRows<{ id: string; script: Call["script"] }>(
    db,
    sql`with attempt as (
          insert into call_attempts (call_id, attempt, placement, call_sid, placed_at, status, ringing_at, answered_at)
          select ${id}, 1, 'placed', ${callSid}, now(), 'in-progress', now(), now()
          where exists (select 1 from calls where id = ${id} and idempotency_key = ${idempotencyKey(callSid)})
          on conflict do nothing
          returning 1
        ), event as (
          insert into call_events (call_id, attempt, call_sid, sequence_number, call_status, payload)
          select ${id}, 1, ${callSid}, -1, 'in-progress', ${JSON.stringify(params)}::jsonb
          where exists (select 1 from calls where id = ${id} and idempotency_key = ${idempotencyKey(callSid)})
          on conflict do nothing
          returning 1
        )
        update calls set direction = 'inbound', status = case when status = 'unstarted' then 'started' else status end, updated_at = now()
        where id = ${id} and idempotency_key = ${idempotencyKey(callSid)}
        returning id, script`,
  );
  // The live call found was another one (the member's web call, say): not this caller's to join.
  return call ? { ok: true, call } : { ok: false, refusal: "live" };
}

/** The call a dial-in line became, by its CallSid (none when the caller hung up before choosing a target). */
export async function callOfInboundLine(db: Db, callSid: string): Promise<{ callId: string; attempt: number } | null> {
  if (!callSid) return null;
  const [row] = await selectRows<{ call_id: string; attempt: number }>(db, sql`select call_id, attempt from call_attempts where call_sid = ${callSid}`);
  return row ? { callId: row.call_id, attempt: row.attempt } : null;
}
