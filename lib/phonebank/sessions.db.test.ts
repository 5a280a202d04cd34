import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabaseForTests } from "../db/client";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { isUniqueViolation } from "../errors";
import { guessTimeZones } from "../recall/time-zone";
import { createUser } from "../users/service";
import { sweep } from "./jobs";
import { importLeads } from "./leads";
import { leadCalls, leads, phoneBanks, sessions } from "./schema";
import { createPhoneBank } from "./service";
import { connectVolunteerLine, joinPhoneBank } from "./sessions";
import { endSession } from "./volunteer";

let database: TestDatabase;
let bankId = "";
let volunteers: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  setDatabaseForTests(database);
  volunteers = [];
  for (const email of ["a@example.org", "b@example.org", "c@example.org"]) {
    volunteers.push((await createUser(database.db, { email, password: "correct horse battery", role: "volunteer" })).id);
  }
  const bank = await createPhoneBank(database.db, "Sessions", volunteers[0]!);
  bankId = bank.id;
  await database.db.update(phoneBanks).set({ inboundNumber: "+15005550006" }).where(eq(phoneBanks.id, bank.id));
});
afterAll(() => database.dispose());

describe(`access codes and sessions (${testDriver()})`, () => {
  it("gives each live session its own 6-digit code, and one session per volunteer", async () => {
    const first = await joinPhoneBank(database.db, bankId, volunteers[0]!);
    const again = await joinPhoneBank(database.db, bankId, volunteers[0]!);
    expect(again.id).toBe(first.id);
    const second = await joinPhoneBank(database.db, bankId, volunteers[1]!);
    expect(first.accessCode).toMatch(/^\d{6}$/);
    expect(second.accessCode).not.toBe(first.accessCode);
    // The database itself refuses a second live session with the same code.
    const clash = await database.db.insert(sessions).values({ phoneBankId: bankId, volunteerId: volunteers[2]!, accessCode: first.accessCode }).catch((error: unknown) => error);
    expect(isUniqueViolation(clash)).toBe(true);
  });

  it("lets a code go when its session ends: it no longer opens a line, and may be drawn again", async () => {
    const session = await joinPhoneBank(database.db, bankId, volunteers[2]!);
    await endSession(database.db, session.id);
    expect(await connectVolunteerLine(database.db, session.accessCode, "CA0951bc92d147d01230c44be7e83609fd")).toBeNull();
    const reused = await database.db.insert(sessions).values({ phoneBankId: bankId, volunteerId: volunteers[2]!, accessCode: session.accessCode }).returning();
    expect(reused[0]!.accessCode).toBe(session.accessCode);
    await endSession(database.db, reused[0]!.id);
  });

  it("ends sessions whose volunteer left without a word, and gives up on calls Twilio never reported", async () => {
    const idle = await joinPhoneBank(database.db, bankId, volunteers[2]!);
    await database.db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 20 * 60_000) }).where(eq(sessions.id, idle.id));
    await importLeads(database.db, bankId, "name,phone\nSilent,+442079460777\n");
    const [lead] = await database.db.update(leads).set({ status: "calling", attempts: 1 }).where(eq(leads.phone, "+442079460777")).returning();
    const [other] = await database.db.select().from(sessions).where(eq(sessions.volunteerId, volunteers[1]!));
    const [call] = await database.db
      .insert(leadCalls)
      .values({ phoneBankId: bankId, leadId: lead!.id, sessionId: other!.id, attempt: 1, createdAt: new Date(Date.now() - 5 * 60_000) })
      .returning();
    await database.db.update(sessions).set({ activeLeadCallId: call!.id }).where(eq(sessions.id, other!.id));

    await sweep();
    expect((await database.db.select().from(sessions).where(eq(sessions.id, idle.id)))[0]).toMatchObject({ status: "ended", endedAt: expect.any(Date) });
    expect((await database.db.select().from(leadCalls).where(eq(leadCalls.id, call!.id)))[0]!.status).toBe("lost");
    expect((await database.db.select().from(leads).where(eq(leads.id, lead!.id)))[0]).toMatchObject({ status: "waiting", attempts: 0 });
    expect((await database.db.select().from(sessions).where(eq(sessions.id, other!.id)))[0]!.activeLeadCallId).toBeNull();
  });
});

describe("time zones from numbers", () => {
  it("guesses from the number's prefix, with every zone a number may be in", async () => {
    expect(await guessTimeZones("+12125550123")).toEqual(["America/New_York"]);
    expect(await guessTimeZones("+442079460018")).toEqual(["Europe/London"]);
    expect((await guessTimeZones("+18005550100")).length).toBeGreaterThan(5);
    expect(await guessTimeZones("not a number")).toEqual([]);
  });
});
