import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { FieldError, FormError } from "../errors";
import { acceptInvitation, changeRole, createUser, findInvitation, inviteUser, listOpenInvitations, listUsers, revokeInvitation, setDisabled } from "./service";

describe(`users on ${testDriver()}`, () => {
  let database: TestDatabase;
  let adminId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    adminId = (await createUser(database.db, { email: "admin@example.org", password: "correct horse battery", role: "admin" })).id;
  });
  afterAll(() => database.dispose());

  it("refuses a second account for the same email, in any case", async () => {
    await expect(createUser(database.db, { email: "ADMIN@example.org", password: "another password", role: "volunteer" })).rejects.toThrow(FieldError);
  });

  it("invites, accepts once, and gives the invited role", async () => {
    const { token } = await inviteUser(database.db, { email: "vol@example.org", role: "volunteer", invitedBy: adminId });
    expect((await findInvitation(database.db, token)).ok).toBe(true);
    const user = await acceptInvitation(database.db, { token, name: "Val", password: "a long password" });
    expect(user).toMatchObject({ email: "vol@example.org", role: "volunteer", name: "Val" });
    await expect(acceptInvitation(database.db, { token, name: "Val", password: "a long password" })).rejects.toThrow(/already been used/);
    expect((await listUsers(database.db)).map((u) => u.email)).toContain("vol@example.org");
  });

  it("refuses to invite an address that already has an account", async () => {
    await expect(inviteUser(database.db, { email: "admin@example.org", role: "campaigner", invitedBy: adminId })).rejects.toThrow(FieldError);
  });

  it("replaces the open invitation when an address is invited again", async () => {
    const first = await inviteUser(database.db, { email: "cam@example.org", role: "campaigner", invitedBy: adminId });
    const second = await inviteUser(database.db, { email: "cam@example.org", role: "admin", invitedBy: adminId });
    expect(await findInvitation(database.db, first.token)).toMatchObject({ ok: false, problem: expect.stringMatching(/withdrawn/) });
    const open = (await listOpenInvitations(database.db)).filter((i) => i.email === "cam@example.org");
    expect(open).toEqual([expect.objectContaining({ role: "admin" })]);
    await revokeInvitation(database.db, second.invitation.id);
    await expect(acceptInvitation(database.db, { token: second.token, name: "Cam", password: "a long password" })).rejects.toThrow(FormError);
  });

  it("refuses an expired invitation", async () => {
    const { token } = await inviteUser(database.db, { email: "late@example.org", role: "volunteer", invitedBy: adminId });
    const inEightDays = new Date(Date.now() + 8 * 24 * 3600 * 1000);
    expect(await findInvitation(database.db, token, inEightDays)).toMatchObject({ ok: false, problem: expect.stringMatching(/expired/) });
  });

  it("lets an admin change others' roles and disable them, but not their own", async () => {
    const other = await createUser(database.db, { email: "other@example.org", password: "correct horse battery", role: "volunteer" });
    await changeRole(database.db, { actorId: adminId, userId: other.id, role: "campaigner" });
    await setDisabled(database.db, { actorId: adminId, userId: other.id, disabled: true });
    const row = (await listUsers(database.db)).find((u) => u.id === other.id)!;
    expect(row.role).toBe("campaigner");
    expect(row.disabledAt).toBeInstanceOf(Date);
    await expect(changeRole(database.db, { actorId: adminId, userId: adminId, role: "volunteer" })).rejects.toThrow(FormError);
    await expect(setDisabled(database.db, { actorId: adminId, userId: adminId, disabled: true })).rejects.toThrow(FormError);
  });
});
