import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { createUser, setDisabled } from "../users/service";
import { authenticate, SIGN_IN_FAILURE_LIMIT, signInRetryAfterSeconds } from "./authenticate";

describe(`authenticate on ${testDriver()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await createUser(database.db, { email: "ada@example.org", password: "correct horse battery", role: "campaigner" });
  });
  afterAll(() => database.dispose());

  it("accepts the right password, whatever the email's case", async () => {
    const result = await authenticate(database.db, { email: " Ada@Example.org ", password: "correct horse battery", ip: "10.0.0.1" });
    expect(result.ok && result.user.role).toBe("campaigner");
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const wrong = await authenticate(database.db, { email: "ada@example.org", password: "nope", ip: "10.0.0.2" });
    const unknown = await authenticate(database.db, { email: "bob@example.org", password: "nope", ip: "10.0.0.2" });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("refuses malformed and overlong input without throwing", async () => {
    for (const [email, password] of [["", ""], ["not-an-email", "x"], ["a".repeat(300) + "@example.org", "x"], ["ada@example.org", "x".repeat(5000)], [undefined, null]]) {
      expect(await authenticate(database.db, { email, password, ip: "10.0.0.3" })).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("refuses a disabled account", async () => {
    const user = await createUser(database.db, { email: "gone@example.org", password: "correct horse battery", role: "volunteer" });
    await setDisabled(database.db, { actorId: "00000000-0000-0000-0000-000000000000", userId: user.id, disabled: true });
    expect(await authenticate(database.db, { email: "gone@example.org", password: "correct horse battery", ip: "10.0.0.4" })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("slows down an address after repeated failures, even for the right password, and only that address", async () => {
    const ip = "10.9.9.9";
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT; i++) {
      await authenticate(database.db, { email: "ada@example.org", password: `wrong ${i}`, ip });
    }
    const blocked = await authenticate(database.db, { email: "ada@example.org", password: "correct horse battery", ip });
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.reason).toBe("throttled");
    expect(await signInRetryAfterSeconds(database.db, ip)).toBeGreaterThan(0);
    const elsewhere = await authenticate(database.db, { email: "ada@example.org", password: "correct horse battery", ip: "10.9.9.10" });
    expect(elsewhere.ok).toBe(true);
  });
});
