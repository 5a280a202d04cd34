import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOAD_TARGETS, seedLoad } from "../bench/load-seed";
import { selectRows } from "../lib/db/client";
import { createTestDatabase, testDriver, type TestDatabase } from "../lib/db/testing";
import { callStats } from "../lib/stats/call-stats";
import { settleCall } from "../lib/calllog/settle";

let database: TestDatabase;
const CALLS = 3000;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  await seedLoad(database, { calls: CALLS });
}, 240_000);
afterAll(() => database.dispose());

const one = async (query: string) => Number((await selectRows<{ n: number | string }>(database.db, sql.raw(query)))[0]!.n);

describe(`npm run seed:load (${testDriver()})`, () => {
  it("writes the calls over 90 days with their targets, attempts, dials and Twilio's callbacks", async () => {
    expect(await one("select count(*) as n from calls")).toBe(CALLS);
    expect(await one("select count(*) as n from call_targets")).toBe(LOAD_TARGETS);
    expect(await one("select count(*) as n from call_attempts")).toBe(CALLS);
    expect(await one("select extract(day from now() - min(created_at)) as n from calls")).toBeGreaterThanOrEqual(80);
    // Every call Twilio placed has its callbacks; refused ones have none, as with Twilio.
    expect(await one("select count(*) as n from calls c where status <> 'failed' and not exists (select 1 from call_events e where e.call_id = c.id)")).toBe(0);
    expect(await one("select count(*) as n from calls where rolled_up_at is null")).toBe(0);
  });

  it("makes a call-in day's mix of outcomes, read by the app's own rules, with wrong numbers flagged", async () => {
    const stats = await callStats(database.db, {});
    expect(stats.total).toBe(CALLS);
    const share = (code: string) => (stats.outcomes.find((row) => row.value === code)?.count ?? 0) / CALLS;
    expect(share("connected")).toBeGreaterThan(0.35);
    expect(share("connected")).toBeLessThan(0.5);
    for (const code of ["member-no-answer", "member-busy", "hung-up-before-connected", "no-valid-choice", "target-busy", "target-no-answer", "target-failed", "failed"]) expect(share(code)).toBeGreaterThan(0.005);
    expect(stats.targets.some((target) => target.flag)).toBe(true);
    expect(stats.funnel.map((step) => step.count)).toEqual([...stats.funnel.map((step) => step.count)].sort((a, b) => b - a));
  });

  it("files each call as the app would once it ended: its outcome, both legs, talk time and attempts, for the log and the export", async () => {
    const settled = "outcome, member_status, target_status, talk_seconds, attempt_count";
    // A few calls of every outcome, settled again by the app's own code: nothing changes.
    const sample = await selectRows<{ id: string }>(database.db, sql.raw(`select id from (select id, row_number() over (partition by outcome order by id) as n from calls) s where n <= 5`));
    expect(sample.length).toBeGreaterThanOrEqual(45);
    const read = async () => selectRows(database.db, sql.raw(`select id, ${settled} from calls where id in (${sample.map((row) => `'${row.id}'`).join(", ")}) order by id`));
    const before = await read();
    expect(before.every((row) => (row as { outcome: string | null }).outcome !== null)).toBe(true);
    for (const { id } of sample) expect(await settleCall(database.db, id)).toBe("resettled");
    expect(await read()).toEqual(before);
  });
});
