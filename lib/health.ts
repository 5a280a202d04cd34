import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "./db/client";

const TIMEOUT_MS = 3_000;

/** Whether the database answers a trivial query in time: what a load balancer needs to know. */
export async function checkHealth(database: () => Db): Promise<{ status: 200 | 503; body: { status: "ok" | "unavailable"; database: "up" | "down" } }> {
  try {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timed out")), TIMEOUT_MS);
    });
    await Promise.race([database().execute(sql`select 1`), timeout]).finally(() => clearTimeout(timer));
    return { status: 200, body: { status: "ok", database: "up" } };
  } catch {
    return { status: 503, body: { status: "unavailable", database: "down" } };
  }
}
