import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/password";
import { users } from "../db/schema";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { FieldError, FormError } from "../errors";
import { DEMO_ADMIN, ensureDemoAdmin } from "./demo";
import { changePassword, findPasswordReset, issuePasswordReset, resetPassword } from "./passwords";
import { createUser } from "./service";

describe(`passwords on ${testDriver()}`, () => {
  let database: TestDatabase;
  let adminId: string;
  const account = async (id: string) => (await database.db.select().from(users).where(eq(users.id, id)))[0]!;
  beforeAll(async () => {
    database = await createTestDatabase();
    adminId = (await createUser(database.db, { email: "boss@example.org", password: "correct horse battery", role: "admin" })).id;
  });
  afterAll(() => database.dispose());

  it("makes the demo admin choose a new password, on a new database and on one made before the rule", async () => {
    const fresh = await createTestDatabase();
    try {
      expect(await ensureDemoAdmin(fresh.db)).toBe(true);
      const [demo] = await fresh.db.select().from(users).where(eq(users.email, DEMO_ADMIN.email));
      expect(demo!.mustChangePassword).toBe(true);
      // A database from before: the flag is off but the published password still works.
      await fresh.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, demo!.id));
      expect(await ensureDemoAdmin(fresh.db)).toBe(true);
      expect((await fresh.db.select().from(users).where(eq(users.id, demo!.id)))[0]!.mustChangePassword).toBe(true);
      // Once changed, the demo password no longer works and nothing is forced.
      await changePassword(fresh.db, { userId: demo!.id, currentPassword: DEMO_ADMIN.password, newPassword: "our own long password" });
      expect(await ensureDemoAdmin(fresh.db)).toBe(false);
      expect((await fresh.db.select().from(users).where(eq(users.id, demo!.id)))[0]!.mustChangePassword).toBe(false);
    } finally {
      await fresh.dispose();
    }
  });

  it("changes a password only with the current one, to a different one, and ends other sessions", async () => {
    const user = await createUser(database.db, { email: "cam@example.org", password: "first long password", role: "campaigner", mustChangePassword: true });
    await expect(changePassword(database.db, { userId: user.id, currentPassword: "wrong", newPassword: "second long password" })).rejects.toThrow(FieldError);
    await expect(changePassword(database.db, { userId: user.id, currentPassword: "first long password", newPassword: "first long password" })).rejects.toThrow(
      /different from the current one/,
    );
    await changePassword(database.db, { userId: user.id, currentPassword: "first long password", newPassword: "second long password" });
    const after = await account(user.id);
    expect(await verifyPassword(after.passwordHash, "second long password")).toBe(true);
    expect(after).toMatchObject({ mustChangePassword: false, sessionVersion: user.sessionVersion + 1 });
  });

  it("gives one working reset link at a time, usable once", async () => {
    const user = await createUser(database.db, { email: "vol@example.org", password: "forgotten password", role: "volunteer" });
    const first = await issuePasswordReset(database.db, { userId: user.id, createdBy: adminId });
    const second = await issuePasswordReset(database.db, { userId: user.id, createdBy: adminId });
    expect(second.email).toBe("vol@example.org");
    expect(await findPasswordReset(database.db, first.token)).toMatchObject({ ok: false, problem: expect.stringMatching(/newer one/) });
    expect(await findPasswordReset(database.db, second.token)).toEqual({ ok: true, email: "vol@example.org" });

    const [a, b] = await Promise.allSettled([
      resetPassword(database.db, { token: second.token, password: "a brand new password" }),
      resetPassword(database.db, { token: second.token, password: "another new password" }),
    ]);
    expect([a.status, b.status].sort()).toEqual(["fulfilled", "rejected"]);
    expect((await account(user.id)).sessionVersion).toBe(user.sessionVersion + 1);
    expect(await findPasswordReset(database.db, second.token)).toMatchObject({ ok: false, problem: expect.stringMatching(/already been used/) });
    await expect(resetPassword(database.db, { token: second.token, password: "yet another password" })).rejects.toThrow(FormError);
  });

  it("refuses an expired reset link", async () => {
    const user = await createUser(database.db, { email: "late@example.org", password: "forgotten password", role: "volunteer" });
    const { token } = await issuePasswordReset(database.db, { userId: user.id, createdBy: adminId });
    const tomorrow = new Date(Date.now() + 25 * 3600 * 1000);
    expect(await findPasswordReset(database.db, token, tomorrow)).toMatchObject({ ok: false, problem: expect.stringMatching(/expired/) });
  });
});
