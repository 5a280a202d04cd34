import "server-only";
import { sql } from "drizzle-orm";
import type { DatabaseHandle, Db } from "./client";

/**
 * PostgreSQL's LISTEN/NOTIFY: how one instance tells every other something
 * changed, through the database they share. PGlite implements it too, within
 * its one process, so the embedded setup runs the same code.
 */
export async function notify(db: Db, channel: string, payload: string): Promise<void> {
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}

/**
 * Listens on `channel` (postgres.js keeps a connection of its own for it and
 * listens again after a reconnect). Notifications sent while the connection
 * was down are lost, so `onListen` runs at every (re)connection: the place to
 * forget whatever the missed ones might have changed. Answers a function that stops listening.
 */
export async function listen(handle: DatabaseHandle, channel: string, onNotify: (payload: string) => void, onListen?: () => void): Promise<() => Promise<void>> {
  if (handle.driver === "postgres") {
    const listening = await handle.client.listen(channel, onNotify, onListen);
    return () => listening.unlisten();
  }
  const unlisten = await handle.client.listen(channel, onNotify);
  onListen?.();
  return unlisten;
}
