import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, pgliteFolder } from "../lib/db/client";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "patchthrough-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** As run(), without blocking this process: a test that holds the database lock must keep refreshing it meanwhile, as a real first process does. */
function runAlongside(script: string, args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, ["--conditions=react-server", path.join(root, "scripts", script), ...args], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ status: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr: stderr.trim() }),
    );
  });
}

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(tsx, ["--conditions=react-server", path.join(root, "scripts", script), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

describe("command-line start-up errors", () => {
  it("names a malformed DATABASE_URL in one line", () => {
    const result = run("db-migrate.ts", [], { DATABASE_URL: "mysql://localhost/x" });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("patchthrough: Invalid configuration: DATABASE_URL must be a URL like postgres://user:password@host:5432/database");
  });

  it("explains that the separate job worker needs PostgreSQL", () => {
    const result = run("worker.ts", [], { DATA_DIR: path.join(tmp, "worker") });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^patchthrough: npm run worker needs DATABASE_URL/);
    expect(result.stderr.split("\n")).toHaveLength(1);
  });

  it("says an unreachable database cannot be reached, without a stack trace", () => {
    const result = run("db-migrate.ts", [], { DATABASE_URL: "postgres://postgres@127.0.0.1:1/nothing" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^patchthrough: Cannot reach the database at 127\.0\.0\.1:1\/nothing \(ECONNREFUSED\)/);
    expect(result.stderr.split("\n")).toHaveLength(1);
  });

  it("refuses a second process on the same embedded database folder", async () => {
    const dataDir = path.join(tmp, "locked");
    const first = openDatabase({ pgliteFolder: pgliteFolder(dataDir) });
    try {
      await first.db.execute(sql`select 1`);
      const second = await runAlongside("db-migrate.ts", [], { DATA_DIR: dataDir });
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/^patchthrough: The embedded database in .*pglite is already open in another process/);
    } finally {
      await first.close();
    }
    // Once the first process lets go, the folder opens normally.
    expect(run("db-migrate.ts", [], { DATA_DIR: dataDir })).toMatchObject({ status: 0, stdout: "Migrations applied (pglite).\n" });
  });
});

describe("npm run user:create", () => {
  const dataDir = path.join(tmp, "users");

  it("creates a user on a fresh embedded database", () => {
    const result = run("user-create.ts", ["--email", "Ada@Example.org", "--password", "a long password", "--role", "admin"], { DATA_DIR: dataDir });
    expect(result).toMatchObject({ status: 0, stdout: "Created admin ada@example.org.\n" });
  });

  it("explains bad arguments per option and saves nothing", () => {
    const result = run("user-create.ts", ["--email", "nope", "--password", "short", "--role", "boss"], { DATA_DIR: dataDir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "patchthrough: --email: Enter an email address like name@example.org; --password: Use at least 10 characters; --role: Choose a role: admin, campaigner, volunteer",
    );
  });

  it("refuses an email that already has an account", () => {
    const result = run("user-create.ts", ["--email", "ada@example.org", "--password", "another long one", "--role", "volunteer"], { DATA_DIR: dataDir });
    expect(result).toMatchObject({ status: 1, stderr: "patchthrough: --email: This email address already has an account" });
  });
});
