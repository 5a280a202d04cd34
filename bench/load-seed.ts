import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { rollUpCalls } from "../lib/stats/rollup";

/**
 * Realistic volume for the statistics, the call log and the export: `calls`
 * member calls over the last 90 days from 5 pages with 100 targets each,
 * with their attempts, dials and Twilio status callbacks, written by
 * PostgreSQL itself (generate_series), then rolled up by the app's own
 * rollup. The mix is a call-in day's: most members answer, about half of the
 * calls reach the target, a few targets have a wrong number and always fail.
 */
export type LoadSeedOptions = { calls: number; log?: (line: string) => void };

export const LOAD_PAGES = 5;
export const LOAD_TARGETS = 500;

/** Cumulative shares of the outcomes, checked in order against one random number per call. */
const MIX: [kind: string, upTo: number][] = [
  ["failed", 0.03],
  ["member-no-answer", 0.18],
  ["member-busy", 0.23],
  ["hung-up", 0.3],
  ["no-valid-choice", 0.33],
  ["target-busy", 0.43],
  ["target-no-answer", 0.53],
  ["target-failed", 0.56],
  ["connected", 1],
];

const kindCase = `case ${MIX.map(([kind, upTo]) => `when r < ${upTo} then '${kind}'`).join(" ")} end`;

const STEPS = (calls: number) => [
  ["pages and call tools", `
    insert into pages (id, slug, title, body, status, published_at)
    select gen_random_uuid(), 'load-' || p, 'Load test page ' || p, 'A page of the load seed.', 'published', now() - interval '91 days' from generate_series(1, ${LOAD_PAGES}) p
    on conflict (slug) do nothing;
    insert into plugins (page_id, type, position, config)
    select id, 'call_tool', 0, jsonb_build_object('title', 'Call ' || title) from pages p
    where slug like 'load-%' and not exists (select 1 from plugins where page_id = p.id)`],
  ["targets", `
    drop table if exists seed_targets;
    drop table if exists seed_plan;
    create unlogged table seed_targets as
    select gen_random_uuid() as id, pl.id as plugin_id, pl.page_id, t as n, 'Target ' || lpad(t::text, 3, '0') as name, '+44207946' || lpad(t::text, 4, '0') as phone
    from generate_series(0, ${LOAD_TARGETS - 1}) t
    join (select plugins.id, page_id, row_number() over (order by slug) - 1 as k from plugins join pages on pages.id = page_id where slug like 'load-%') pl on pl.k = t % ${LOAD_PAGES};
    insert into call_targets (id, plugin_id, position, name, title, phone, country)
    select id, plugin_id, n / ${LOAD_PAGES}, name, 'Member of Parliament', phone, 'GB' from seed_targets`],
  ["the plan: one row per call", `
    create unlogged table seed_plan as
    with drawn as materialized (
      select g, floor(${LOAD_TARGETS} * power(random(), 1.4))::int as tn, random() as r, random() as r2,
        now() - interval '10 minutes' - (power(random(), 0.8) * 90 * 86400) * interval '1 second' as created_at,
        least(1200, 5 + (-ln(1 - random()) * 110)::int) as talk
      from generate_series(1, ${calls}) g
    )
    select d.g, gen_random_uuid() as id, t.id as target_id, t.name, t.phone, t.plugin_id, t.page_id, d.created_at, d.talk, d.r2,
      case when t.n % 97 = 0 and d.r >= 0.33 then 'target-failed' else ${kindCase} end as kind
    from drawn d join seed_targets t on t.n = d.tn`],
  ["calls", `
    insert into calls (id, page_id, plugin_id, target_id, member_phone, member_country, status, script, ended_at, failure_code, failure_message, menu_rounds, message_heard_at,
      outcome, member_status, target_status, talk_seconds, attempt_count, created_at, updated_at)
    select id, page_id, plugin_id, target_id, '+4477' || lpad(g::text, 8, '0'), 'GB',
      case when kind = 'failed' then 'failed' when kind in ('member-no-answer', 'member-busy') then 'unstarted' when kind in ('hung-up', 'no-valid-choice') then 'started' else 'connected' end,
      jsonb_build_object('language', 'en', 'message', jsonb_build_object('url', null, 'text', 'Please call your MP.'), 'menu', jsonb_build_object('url', null, 'text', 'Press 1.'),
        'target', jsonb_build_object('id', target_id, 'name', name, 'phone', phone, 'extension', ''), 'callerId', '+15005550006', 'followUpUrl', null),
      created_at + (case when kind like 'target-%' or kind = 'connected' then 60 + talk else 40 end) * interval '1 second',
      case when kind = 'failed' then 21211 end, case when kind = 'failed' then 'The number is not valid.' end,
      case when kind = 'no-valid-choice' then 3 else 0 end,
      case when kind in ('no-valid-choice', 'target-busy', 'target-no-answer', 'target-failed', 'connected') or (kind = 'hung-up' and r2 < 0.5) then created_at + interval '25 seconds' end,
      -- What lib/calllog/settle.ts writes once the call ends (the seed's test checks it against settleCall): the last dial's status is the target leg's.
      case kind when 'hung-up' then 'hung-up-before-connected' else kind end,
      case kind when 'failed' then 'not-placed' when 'member-no-answer' then 'no-answer' when 'member-busy' then 'busy' else 'completed' end,
      case kind when 'target-busy' then 'busy' when 'target-no-answer' then 'no-answer' when 'target-failed' then 'failed' when 'connected' then 'completed' else 'none' end,
      case when kind = 'connected' then talk end,
      1,
      created_at, created_at
    -- In the order calls happen, as the table fills in production: the log and the export read it newest first.
    from seed_plan order by created_at`],
  ["attempts", `
    insert into call_attempts (call_id, attempt, placement, call_sid, scheduled_at, placed_at, status, last_sequence, ringing_at, answered_at, ended_at, duration, created_at, updated_at)
    select id, 1, case when kind = 'failed' then 'refused' else 'placed' end, case when kind <> 'failed' then 'CA' || md5(id::text) end, created_at, created_at,
      case kind when 'failed' then null when 'member-no-answer' then 'no-answer' when 'member-busy' then 'busy' else 'completed' end,
      case when kind = 'failed' then -1 when kind in ('member-no-answer', 'member-busy') then 2 else 3 end,
      case when kind <> 'failed' then created_at + interval '1 second' end,
      case when kind not in ('failed', 'member-no-answer', 'member-busy') then created_at + interval '6 seconds' end,
      case when kind <> 'failed' then created_at + (case when kind like 'target-%' or kind = 'connected' then 60 + talk else 40 end) * interval '1 second' end,
      case when kind not in ('failed', 'member-no-answer', 'member-busy') then (case when kind like 'target-%' or kind = 'connected' then 54 + talk else 34 end) end,
      created_at, created_at
    from seed_plan`],
  ["dials to the targets", `
    insert into target_dials (call_id, dial, attempt, target_id, target_name, dial_call_sid, dial_call_status, duration, answered_at, ended_at, error_code, error_message, created_at)
    select id, dial, 1, target_id, name, 'CA' || md5(id::text || dial), status,
      case when status = 'completed' then talk else 0 end,
      case when status = 'completed' then created_at + interval '40 seconds' end,
      created_at + interval '60 seconds' + case when status = 'completed' then talk * interval '1 second' else interval '0 seconds' end,
      case when status = 'failed' then 13224 end, case when status = 'failed' then 'Invalid phone number' end,
      created_at + interval '32 seconds'
    from seed_plan cross join lateral (values
      (1, case kind when 'target-busy' then 'busy' when 'target-no-answer' then 'no-answer' when 'target-failed' then 'failed' when 'connected' then 'completed' end),
      (2, case when kind = 'target-busy' and r2 < 0.4 then 'busy' end)
    ) as dials(dial, status)
    where status is not null`],
  ["Twilio's status callbacks", `
    insert into call_events (call_id, attempt, call_sid, sequence_number, call_status, call_duration, payload, received_at)
    select id, 1, 'CA' || md5(id::text), seq, status, case when seq = 3 then 40 end,
      jsonb_build_object('CallSid', 'CA' || md5(id::text), 'CallStatus', status, 'SequenceNumber', seq::text, 'Direction', 'outbound-api'),
      created_at + seq * interval '3 seconds'
    from seed_plan cross join lateral (values
      (0, 'initiated'), (1, 'ringing'),
      (2, case when kind not in ('member-no-answer', 'member-busy') then 'in-progress' end),
      (3, case kind when 'member-no-answer' then 'no-answer' when 'member-busy' then 'busy' else 'completed' end)
    ) as events(seq, status)
    where kind <> 'failed' and status is not null`],
  ["tidying up", `drop table seed_plan; drop table seed_targets; analyze`],
];

export async function seedLoad(handle: DatabaseHandle, options: LoadSeedOptions): Promise<{ calls: number; seconds: number }> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  await migrateDatabase(handle);
  for (const [label, statements] of STEPS(options.calls)) {
    const at = Date.now();
    for (const statement of statements!.split(";").filter((text) => text.trim())) await handle.db.execute(sql.raw(statement));
    log(`${label}: ${((Date.now() - at) / 1000).toFixed(1)} s`);
  }
  const at = Date.now();
  const rolled = await rollUpCalls(handle.db, { maxBatches: Number.MAX_SAFE_INTEGER, batchSize: 10_000 });
  log(`rolled up ${rolled} calls for the statistics: ${((Date.now() - at) / 1000).toFixed(1)} s`);
  await handle.db.execute(sql.raw("analyze"));
  return { calls: options.calls, seconds: Math.round((Date.now() - started) / 1000) };
}
