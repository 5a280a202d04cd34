import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { blocklist } from "../calltool/call-schema";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { FieldError } from "../errors";
import { addToBlocklist, checkBlocklist, listBlocklist, removeFromBlocklist } from "./service";

const MEMBER = { number: "+442079460999", ip: "198.51.100.23" };

describe(`blocklist (${testDriver()})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.dispose());
  beforeEach(async () => {
    await database.db.delete(blocklist);
  });
  const block = (kind: "number" | "ip", value: string, expiresInDays: number | null = null, reason = "abuse") =>
    addToBlocklist(database.db, { kind, value, reason, expiresInDays });
  const expire = (id: string) => database.db.update(blocklist).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(blocklist.id, id));

  it("stores numbers in E.164 and addresses in one spelling", async () => {
    expect((await block("number", " +44 20 7946 0999 ")).entry.value).toBe("+442079460999");
    expect((await block("ip", "2001:DB8:0:0::1")).entry.value).toBe("2001:db8::1");
    expect((await block("ip", "::ffff:203.0.113.7")).entry.value).toBe("203.0.113.7");
  });

  it("explains at the field why a number or an address can't be blocked", async () => {
    const refusal = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error instanceof FieldError && [error.field, error.message]);
    expect(await refusal(block("number", "020 7946 0999"))).toEqual(["value", "Enter the number in international form, starting with + and the country code"]);
    expect(await refusal(block("number", "+44 123"))).toEqual(["value", "This isn't a valid phone number"]);
    expect(await refusal(block("ip", "203.0.113.256"))).toEqual(["value", "Enter an IPv4 address like 203.0.113.7 or an IPv6 address like 2001:db8::1"]);
    expect(await refusal(block("ip", "+442079460999"))).toEqual(["value", expect.stringMatching(/^Enter an IPv4 address/)]);
    expect(await refusal(block("number", "+442079460999", 0))).toEqual(["expiresInDays", "Choose an expiry between 1 and 3650 days, or never"]);
    expect(await refusal(block("number", "+442079460999", 3651))).toEqual(["expiresInDays", expect.any(String)]);
    expect(await listBlocklist(database.db)).toEqual([]);
  });

  it("blocking again updates the reason and expiry and keeps the hits", async () => {
    const first = await block("number", "+44 20 7946 0999", 7, "abuse");
    expect(first.updated).toBe(false);
    expect(first.entry.expiresAt!.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    await checkBlocklist(database.db, MEMBER);
    const again = await block("number", "+442079460999", null, "repeated abuse");
    expect(again.updated).toBe(true);
    expect(again.entry).toMatchObject({ id: first.entry.id, reason: "repeated abuse", expiresAt: null, hitCount: 1 });
    expect(await listBlocklist(database.db)).toHaveLength(1);
  });

  it("lists newest first, expired entries marked", async () => {
    const old = await block("ip", "203.0.113.7", 1);
    await database.db.update(blocklist).set({ createdAt: sql`now() - interval '1 day'` }).where(eq(blocklist.id, old.entry.id));
    await expire(old.entry.id);
    await block("number", "+442079460999");
    expect((await listBlocklist(database.db)).map((entry) => [entry.value, entry.expired])).toEqual([
      ["+442079460999", false],
      ["203.0.113.7", true],
    ]);
    await removeFromBlocklist(database.db, old.entry.id);
    expect(await listBlocklist(database.db)).toHaveLength(1);
  });

  it("stops a member by number or by address, counting each hit", async () => {
    expect(await checkBlocklist(database.db, MEMBER)).toBeNull();
    const byIp = (await block("ip", "198.51.100.23")).entry;
    expect(await checkBlocklist(database.db, { number: "+14155550123", ip: "::ffff:198.51.100.23" })).toMatchObject({ id: byIp.id, hitCount: 1 });
    const byNumber = (await block("number", "+442079460999")).entry;
    const hit = await checkBlocklist(database.db, MEMBER);
    expect(hit).toMatchObject({ id: byNumber.id, hitCount: 1, lastHitAt: expect.any(Date) });
    const [ipEntry] = await database.db.select().from(blocklist).where(eq(blocklist.id, byIp.id));
    expect(ipEntry!.hitCount).toBe(2);
    expect(await checkBlocklist(database.db, { number: "+14155550123", ip: "unknown" })).toBeNull();
  });

  it("lets an expired entry neither stop nor count", async () => {
    const { entry } = await block("number", "+442079460999", 1);
    await expire(entry.id);
    expect(await checkBlocklist(database.db, MEMBER)).toBeNull();
    const [after] = await database.db.select().from(blocklist).where(eq(blocklist.id, entry.id));
    expect(after).toMatchObject({ hitCount: 0, lastHitAt: null });
  });

  it("loses no hits when members call at the same moment", async () => {
    const { entry } = await block("number", "+442079460999");
    const hits = await Promise.all(Array.from({ length: 20 }, () => checkBlocklist(database.db, MEMBER)));
    expect(hits.every((hit) => hit?.id === entry.id)).toBe(true);
    const [after] = await database.db.select().from(blocklist).where(eq(blocklist.id, entry.id));
    expect(after!.hitCount).toBe(20);
  });
});
