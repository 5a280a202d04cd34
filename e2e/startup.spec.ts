import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

/** Starts the built server with the given settings and collects what it prints until it exits. */
function startServer(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "patchthrough-startup-"));
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["next", "start", "-p", "3198"], {
      env: { ...process.env, DATA_DIR: dataDir, AUTH_SECRET: "", DATABASE_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not stop on bad configuration; it printed: ${stderr}`));
    }, 45_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, stderr: stderr.replace(/^npm warn.*\n/gm, "").trim() });
    });
  });
}

test.describe("the server refuses to start on bad configuration, in one line", () => {
  test("a malformed DATABASE_URL", async () => {
    const { code, stderr } = await startServer({ DATABASE_URL: "mysql://db.example/app" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^patchthrough: Invalid configuration: DATABASE_URL must be a URL like postgres:\/\/user:password@host:5432\/database/);
    expect(stderr.split("\n")).toHaveLength(1);
  });

  test("a missing AUTH_SECRET in production on PostgreSQL", async () => {
    const { code, stderr } = await startServer({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/postgres" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^patchthrough: Invalid configuration: AUTH_SECRET is required in production with DATABASE_URL/);
    expect(stderr.split("\n")).toHaveLength(1);
  });

  test("an unreachable database", async () => {
    const { code, stderr } = await startServer({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/app", AUTH_SECRET: "x".repeat(32) });
    expect(code).toBe(1);
    expect(stderr).toBe("patchthrough: Cannot reach the database at 127.0.0.1:1/app (ECONNREFUSED). Is PostgreSQL running, and is DATABASE_URL right?");
  });
});
