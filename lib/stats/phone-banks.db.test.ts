import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { leadCalls, leads, sessions } from "../phonebank/schema";
import { createPhoneBank } from "../phonebank/service";
import { createUser } from "../users/service";
import { phoneBankStats, phoneBankSummaries } from "./phone-banks";

let database: TestDatabase;
let bankId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const user = await createUser(db, { email: "vol@example.org", password: "correct horse battery", role: "volunteer" });
  const bank = await createPhoneBank(db, "Knock on doors", user.id);
  bankId = bank.id;
  await createPhoneBank(db, "Quiet bank", user.id);
  const [session] = await db.insert(sessions).values({ phoneBankId: bank.id, volunteerId: user.id, accessCode: "123456" }).returning();
  const people = await db
    .insert(leads)
    .values(
      ["Ann", "Ben", "Cat", "Dan"].map((name, position) => ({
        phoneBankId: bank.id,
        position,
        name,
        phone: `+4477009000${position}`,
        disposition: ["supportive", "supportive", "undecided", null][position],
      })),
    )
    .returning();
  const now = Date.now();
  const dial = (lead: number, status: "completed" | "no-answer" | "busy" | "machine", hoursAgo: number) => ({
    phoneBankId: bank.id,
    leadId: people[lead]!.id,
    sessionId: session!.id,
    attempt: 1,
    status,
    createdAt: new Date(now - hoursAgo * 3_600_000),
    answeredAt: status === "completed" || status === "machine" ? new Date(now - hoursAgo * 3_600_000 + 10_000) : null,
  });
  await db.insert(leadCalls).values([dial(0, "completed", 0), dial(1, "completed", 0), dial(2, "no-answer", 2), dial(2, "machine", 1), dial(3, "busy", 30)]);
});
afterAll(() => database.dispose());

describe(`phone bank statistics (${testDriver()})`, () => {
  it("count dials, people who answered (not machines) and the answer rate per bank", async () => {
    const banks = await phoneBankSummaries(database.db);
    expect(banks.map((bank) => [bank.name, bank.dials, bank.answered, bank.answerRate])).toEqual([
      ["Knock on doors", 5, 2, 0.4],
      ["Quiet bank", 0, 0, null],
    ]);
  });

  it("show dials per hour over the last day, and the outcomes volunteers recorded", async () => {
    const stats = (await phoneBankStats(database.db, bankId))!;
    expect(stats.perHour).toHaveLength(24);
    expect(stats.perHour.at(-1)).toMatchObject({ calls: 2, reached: 2 });
    expect(stats.perHour.at(-2)).toMatchObject({ calls: 1, reached: 0 });
    expect(stats.perHour.reduce((n, hour) => n + hour.calls, 0)).toBe(4); // the dial 30 hours ago is older than a day
    expect(stats.dispositions).toEqual([
      { value: "supportive", count: 2 },
      { value: "undecided", count: 1 },
    ]);
    expect(await phoneBankStats(database.db, "00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});
