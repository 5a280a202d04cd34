import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSheet } from "../csv/sheet";
import { testDriver } from "../db/testing";
import { runDueJobs } from "../jobs/testing";
import { pages } from "../pages/schema";
import { eq } from "drizzle-orm";
import { createEndpoint, recentDeliveries } from "../integrations/service";
import { verifyDelivery } from "../integrations/signature";
import { startReceiver } from "../integrations/testing";
import { callAttempts, calls, type CallScript } from "../calltool/call-schema";
import { callToolRecallSchema } from "../calltool/config";
import { NO_RECALL, startCallFixture, TARGET_PHONE } from "../calltool/testing/call-fixture";
import { loadCallDetail } from "./detail";
import { exportCallsCsv, EXPORT_HEADER } from "./export";
import { readFilters, type CallLogFilters } from "./filters";
import { withOutcomes } from "./live";
import { callLogPage } from "./query";
import { settleEndedCalls } from "./settle";

const MENU = "Press 1 to be connected now. Press 2 to hear the message again.";
let f: Awaited<ReturnType<typeof startCallFixture>>;
let crm: Awaited<ReturnType<typeof startReceiver>>;
let secret = "";
let connectedId = "";
beforeAll(async () => {
  f = await startCallFixture(NO_RECALL, { speed: 10 });
  crm = await startReceiver("/crm");
  secret = (await createEndpoint(f.db, { url: crm.url, description: "CRM" })).secret;
});
afterAll(async () => {
  crm.close();
  await f.close();
});

const placed = async (member: string) => {
  const result = await f.place(member);
  if (!result.ok) throw new Error(`call refused: ${result.error}`);
  return result.callId;
};
const allRows = async (filters: CallLogFilters, size = 50) => {
  const rows = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page++) {
    const shown = await callLogPage(f.db, { ...filters, after }, "UTC", size);
    rows.push(...shown.rows);
    if (!shown.next) return rows;
    after = shown.next;
  }
  throw new Error("the keyset never ended");
};
// Decoded keeping the byte order mark, which Response.text() would drop.
const csvOf = async (filters: CallLogFilters, batchSize?: number) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(exportCallsCsv(f.fixture.database, filters, "UTC", batchSize)).arrayBuffer());

describe(`the call log (${testDriver()})`, () => {
  it("a connected call ends with its timeline in sentences, and the CRM hears call.ended once, signed, retried after a failure", async () => {
    await f.script("+442079460301", { answer: "answer", answerAfter: 1 });
    await f.script(TARGET_PHONE, { answer: "answer", answerAfter: 2, hangupAfter: 15 });
    connectedId = await placed("+44 20 7946 0301");
    await f.pressWhenHeard(connectedId, MENU, "1");
    await f.finish(connectedId);

    // The member leg's last callback queued the settling; the CRM fails once, then takes it.
    crm.answers.push(503);
    expect(await runDueJobs("calls.settle")).toBeGreaterThanOrEqual(1);
    expect(await runDueJobs("integrations.deliver")).toBe(1);
    await runDueJobs("integrations.deliver", { ignoreStartAfter: true });
    const [delivery] = await recentDeliveries(f.db, (await f.db.query.webhookEndpoints.findFirst())!.id);
    expect(delivery).toMatchObject({ eventType: "call.ended", eventKey: `call.ended:${connectedId}`, status: "delivered", attempts: 2, lastStatusCode: 200 });
    expect(crm.received).toHaveLength(2);
    const last = crm.received[1]!;
    expect(verifyDelivery(secret, last.body, last.headers["patchthrough-signature"] as string)).toBe(true);
    expect(verifyDelivery("whsec_wrong", last.body, last.headers["patchthrough-signature"] as string)).toBe(false);
    const body = JSON.parse(last.body);
    expect(body).toMatchObject({ type: "call.ended", data: { call: { id: connectedId, outcome: "connected", member_leg: "completed", target_leg: "completed", attempts: 1, target: { name: "Ada Lovelace" } } } });
    expect(body.data.call.talk_seconds).toBeGreaterThanOrEqual(10);

    // Twilio repeats the final callback: settled again, the CRM not told twice.
    const attempt = (await f.attempt(connectedId))!;
    const final = (await f.events(connectedId)).at(-1)!;
    expect((await f.post(`/twilio/calls/${connectedId}/events?attempt=1`, { ...(final.payload as Record<string, string>), CallSid: attempt.callSid! })).status).toBe(204);
    await runDueJobs("calls.settle");
    await runDueJobs("integrations.deliver", { ignoreStartAfter: true });
    expect(crm.received).toHaveLength(2);

    const detail = (await loadCallDetail(f.db, connectedId))!;
    const sentences = detail.timeline.map((entry) => entry.text);
    expect(sentences).toEqual(
      expect.arrayContaining(["Asked Twilio to call the member", "Member's phone rang", "Member answered", "Message started playing", "Message finished: menu played", "Pressed 1", "Calling Ada Lovelace", "Ada Lovelace answered"]),
    );
    expect(sentences.at(-1)).toMatch(/^Call ended after \d+ s of talk$/);
    expect(sentences.indexOf("Pressed 1")).toBeLessThan(sentences.indexOf("Calling Ada Lovelace"));
    expect(sentences.indexOf("Calling Ada Lovelace")).toBeLessThan(sentences.indexOf("Ada Lovelace answered"));
  });

  it("settles calls that ended without a final callback job, and filters by outcome, leg and the number's last digits", async () => {
    await f.script("+442079460302", { answer: "no-answer" });
    await f.script("+442079460303", { answer: "busy" });
    const missed = await placed("+44 20 7946 0302");
    const busy = await placed("+44 20 7946 0303");
    await f.finish(missed);
    await f.finish(busy);
    // No job this time: the sweep settles them.
    expect(await settleEndedCalls(f.db)).toBeGreaterThanOrEqual(2);
    expect((await f.call(missed)).outcome).toBe("member-no-answer");

    const ids = async (query: string) => (await allRows(readFilters(new URLSearchParams(query)))).map((row) => row.id);
    expect(await ids("outcome=member-no-answer")).toEqual([missed]);
    expect(await ids("outcome=member-busy")).toEqual([busy]);
    expect(await ids("member_leg=busy")).toEqual([busy]);
    expect(await ids("target_leg=completed")).toEqual([connectedId]);
    expect(await ids("phone=0302")).toEqual([missed]);
    expect(await ids("phone=946 0303")).toEqual([busy]);
    expect(await ids("phone=9999")).toEqual([]);
    expect(await ids(`target=${f.targetId}&tool=${f.pluginId}&page=${f.pageId}`)).toEqual([busy, missed, connectedId]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids(`from=${today}&to=${today}`)).toEqual([busy, missed, connectedId]);
    expect(await ids(`to=2020-01-01`)).toEqual([]);
  });

  it("words a call still live from its own script and attempts: a recall waiting reads as the member being called again", async () => {
    const [connected] = await f.db.select().from(calls).where(eq(calls.id, connectedId));
    const script: CallScript = { ...connected!.script, recall: { policy: callToolRecallSchema.parse({}) } };
    const [live] = await f.db
      .insert(calls)
      .values({ memberPhone: "+442079460399", memberCountry: "GB", script, pageId: f.pageId, pluginId: f.pluginId, targetId: f.targetId })
      .returning();
    await f.db.insert(callAttempts).values([
      { callId: live!.id, attempt: 1, placement: "placed", callSid: "CA399", status: "no-answer", ringingAt: new Date(), endedAt: new Date() },
      { callId: live!.id, attempt: 2, placement: "waiting", scheduledAt: new Date(Date.now() + 90_000) },
    ]);
    const { rows } = await callLogPage(f.db, readFilters(new URLSearchParams("phone=0399")), "UTC");
    const [shown] = await withOutcomes(f.db, rows);
    expect(shown).toMatchObject({ id: live!.id, live: true, attempts: 2, outcomeWords: "calling the member again (call 2 of 3)" });
  });

  it("pages by keyset: every call once, newest first, even when many share a creation time", async () => {
    const script = { language: "en", message: { url: null, text: "" }, menu: { url: null, text: "" }, target: { id: f.targetId, name: "Ada Lovelace", phone: TARGET_PHONE, extension: "" }, callerId: "+15005550006", followUpUrl: null } satisfies CallScript;
    const sameInstant = new Date("2026-01-01T12:00:00.123456Z");
    await f.db.insert(calls).values(
      Array.from({ length: 130 }, (_, i) => ({
        pageId: f.pageId,
        pluginId: f.pluginId,
        targetId: f.targetId,
        memberPhone: `+4420794610${String(i).padStart(2, "0")}`.slice(0, 13),
        memberCountry: "GB",
        script,
        status: "failed",
        outcome: "failed",
        endedAt: sameInstant,
        createdAt: i < 60 ? sameInstant : new Date(sameInstant.getTime() - i * 1000),
      })),
    );
    const rows = await allRows({ outcome: "failed" }, 50);
    expect(rows).toHaveLength(130);
    expect(new Set(rows.map((row) => row.id)).size).toBe(130);
    const keys = rows.map((row) => [BigInt(row.micros), row.id] as const);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1]!, keys[i]!];
      expect(a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])).toBe(true);
    }
  });

  it("exports the filtered log as Excel-safe CSV whose rows match the log, in batches", async () => {
    await f.db.update(pages).set({ title: '=HYPERLINK("http://evil","x")\nsecond line' }).where(eq(pages.id, f.pageId));
    for (const batchSize of [7, 2000]) {
      const text = await csvOf({}, batchSize);
      expect(text.startsWith("\uFEFF")).toBe(true);
      expect(text).toContain("\r\n");
      const sheet = readSheet(text);
      expect(sheet.header!.cells).toEqual(EXPORT_HEADER);
      const logged = await allRows({});
      expect(sheet.records.map((record) => record.cells[0])).toEqual(logged.map((row) => row.id));
      expect(sheet.records[0]!.cells[2]).toBe('\'=HYPERLINK("http://evil","x")\nsecond line');
    }
    const connected = readSheet(await csvOf({ outcome: "connected" })).records;
    expect(connected).toHaveLength(1);
    const [id, , , target, member, words, code, memberLeg, targetLeg, talk, attempts] = connected[0]!.cells;
    expect({ id, target, member, code, memberLeg, targetLeg, attempts }).toEqual({ id: connectedId, target: "Ada Lovelace", member: "+4420******01", code: "connected", memberLeg: "answered", targetLeg: "answered", attempts: "1" });
    expect(words).toMatch(/^connected, \d+ s of talk$/);
    expect(Number(talk)).toBeGreaterThanOrEqual(10);
  });
});
