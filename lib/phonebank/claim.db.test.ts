import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { createUser } from "../users/service";
import { claimNextLead, importLeads } from "./leads";
import { leads, phoneBanks, type PhoneBank } from "./schema";
import { createPhoneBank } from "./service";

let database: TestDatabase;
let bank: PhoneBank;
const phone = (n: number) => `+4420794${String(60000 + n).padStart(5, "0")}`;

beforeAll(async () => {
  database = await createTestDatabase();
  const user = await createUser(database.db, { email: "cam@example.org", password: "correct horse battery", role: "campaigner" });
  bank = await createPhoneBank(database.db, "Claims", user.id);
  [bank] = await database.db.update(phoneBanks).set({ callingStart: 0, callingEnd: 24 * 60 }).where(eq(phoneBanks.id, bank.id)).returning() as [PhoneBank];
  const rows = Array.from({ length: 150 }, (_, n) => `Lead ${n},${phone(n)}`);
  const imported = await importLeads(database.db, bank.id, ["name,phone", ...rows].join("\n"));
  expect(imported).toMatchObject({ ok: true, summary: { added: 150 } });
});
afterAll(() => database.dispose());

describe(`claiming leads (${testDriver()})`, () => {
  it("never gives the same lead twice to 100 concurrent claims", async () => {
    const claimed = await Promise.all(Array.from({ length: 100 }, () => claimNextLead(database.db, bank)));
    const ids = claimed.map((lead) => lead?.id);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(100);
    const calling = await database.db.select().from(leads).where(eq(leads.status, "calling"));
    expect(calling).toHaveLength(100);
    expect(calling.every((lead) => lead.attempts === 1)).toBe(true);
    // First in, first out: the 100 claimed are the first 100 imported.
    expect(Math.max(...calling.map((lead) => lead.position))).toBe(100);
  });

  it("skips leads outside calling hours in their time zone, and do-not-call leads", async () => {
    await database.db.update(leads).set({ status: "done" }).where(eq(leads.status, "waiting"));
    const imported = await importLeads(database.db, bank.id, "name,phone,do_not_call\nNew York,+12125550100,\nLondon,+442079469999,\nNever,+442079468888,yes\n");
    expect(imported).toMatchObject({ ok: true, summary: { added: 3, doNotCall: 1 } });
    const hours = { ...bank, callingStart: 9 * 60, callingEnd: 17 * 60 };
    // 14:00 in London is 09:00 in New York (winter): both open.
    expect((await claimNextLead(database.db, hours, new Date("2026-01-14T14:00:00Z")))?.name).toBe("New York");
    await database.db.update(leads).set({ status: "waiting" }).where(eq(leads.name, "New York"));
    // 10:00 in London is 05:00 in New York: only London may be called.
    expect((await claimNextLead(database.db, hours, new Date("2026-01-14T10:00:00Z")))?.name).toBe("London");
    expect(await claimNextLead(database.db, hours, new Date("2026-01-14T10:00:00Z"))).toBeNull();
    // 20:00 in London is 15:00 in New York: only New York.
    await database.db.update(leads).set({ status: "waiting" }).where(eq(leads.name, "London"));
    expect((await claimNextLead(database.db, hours, new Date("2026-01-14T20:00:00Z")))?.name).toBe("New York");
    expect(await claimNextLead(database.db, hours, new Date("2026-01-14T20:00:00Z"))).toBeNull();
    expect((await database.db.select().from(leads).where(eq(leads.name, "Never")))[0]!.status).toBe("do-not-call");
  });

  it("keeps do-not-call through a later import of the same number", async () => {
    const again = await importLeads(database.db, bank.id, "name,phone,do_not_call\nNever Again,+442079468888,\n");
    expect(again).toMatchObject({ ok: true, summary: { added: 0, updated: 1 } });
    expect((await database.db.select().from(leads).where(eq(leads.phone, "+442079468888")))[0]).toMatchObject({ status: "do-not-call", name: "Never Again" });
  });
});
