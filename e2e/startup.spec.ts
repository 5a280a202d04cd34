import { expect, test } from "./fixtures";
import { startApp } from "./server";

async function startWith(env: Record<string, string>) {
  const app = startApp(3198, env);
  const code = await app.exit();
  return { code, stderr: app.stderr() };
}

test.describe("the server refuses to start on bad configuration, in one line", () => {
  test("a malformed DATABASE_URL", async () => {
    const { code, stderr } = await startWith({ DATABASE_URL: "mysql://db.example/app" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^patchthrough: Invalid configuration: DATABASE_URL must be a URL like postgres:\/\/user:password@host:5432\/database/);
    expect(stderr.split("\n")).toHaveLength(1);
  });

  test("a missing AUTH_SECRET in production on PostgreSQL", async () => {
    const { code, stderr } = await startWith({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/postgres" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^patchthrough: Invalid configuration: AUTH_SECRET is required in production with DATABASE_URL/);
    expect(stderr.split("\n")).toHaveLength(1);
  });

  test("an unreachable database", async () => {
    const { code, stderr } = await startWith({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/app", AUTH_SECRET: "x".repeat(32) });
    expect(code).toBe(1);
    expect(stderr).toBe("patchthrough: Cannot reach the database at 127.0.0.1:1/app (ECONNREFUSED). Is PostgreSQL running, and is DATABASE_URL right?");
  });

  test("TELEPHONY=twilio without credentials", async () => {
    const { code, stderr } = await startWith({ TELEPHONY: "twilio" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^patchthrough: Invalid configuration: TWILIO_ACCOUNT_SID is required to use real Twilio/);
  });
});
