import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "../env";

/**
 * The key that signs session cookies. AUTH_SECRET when set (required for a
 * shared deployment, see lib/env.ts); otherwise one generated on first start
 * and kept in DATA_DIR, so sessions survive restarts of the embedded setup.
 */
let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  const env = getEnv();
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  const file = path.resolve(env.DATA_DIR, "auth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(env.DATA_DIR, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      cached = secret;
    } catch {
      cached = fs.readFileSync(file, "utf8").trim(); // another worker wrote it first
    }
  }
  return cached;
}
