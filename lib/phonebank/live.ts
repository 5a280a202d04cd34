import "server-only";
import { database, type DatabaseHandle } from "../db/client";
import { listen } from "../db/notify";
import { log } from "../log";

/**
 * Live updates across instances: PostgreSQL LISTEN/NOTIFY. A trigger on the
 * phone bank tables (see the migration) notifies channel `phonebank` with
 * {bank, session?} on every change, whichever instance or job made it. Each
 * process LISTENs once and hands notifications to the browsers it holds; the
 * browsers re-read their view from the database. Nothing but that list of
 * subscribers lives in memory. On PGlite the same code path runs in the one
 * process (PGlite implements LISTEN/NOTIFY).
 */

export const LIVE_CHANNEL = "phonebank";

export type LiveEvent = { bank: string; session?: string };
type Subscriber = { wants: (event: LiveEvent) => boolean; onEvent: (event: LiveEvent) => void };

export type LiveHub = {
  subscribe(wants: Subscriber["wants"], onEvent: Subscriber["onEvent"]): Promise<() => void>;
  close(): Promise<void>;
};

function parse(payload: string): LiveEvent | null {
  try {
    const event = JSON.parse(payload) as Partial<LiveEvent>;
    return typeof event.bank === "string" ? { bank: event.bank, ...(typeof event.session === "string" ? { session: event.session } : {}) } : null;
  } catch {
    return null;
  }
}

export function createLiveHub(handle: DatabaseHandle): LiveHub {
  const subscribers = new Set<Subscriber>();
  let listening: Promise<() => Promise<void>> | null = null;
  const dispatch = (payload: string) => {
    const event = parse(payload);
    if (!event) return;
    for (const subscriber of subscribers) {
      if (subscriber.wants(event)) subscriber.onEvent(event);
    }
  };
  const start = () => listen(handle, LIVE_CHANNEL, dispatch);
  return {
    async subscribe(wants, onEvent) {
      const subscriber = { wants, onEvent };
      subscribers.add(subscriber);
      listening ??= start().catch((error: unknown) => {
        listening = null;
        throw error;
      });
      try {
        await listening;
      } catch (error) {
        subscribers.delete(subscriber);
        throw error;
      }
      return () => void subscribers.delete(subscriber);
    },
    async close() {
      subscribers.clear();
      const stop = await listening?.catch(() => null);
      listening = null;
      await stop?.().catch((error: unknown) => log.warn({ err: error }, "could not stop listening for live updates"));
    },
  };
}

const globalForLive = globalThis as unknown as { patchthroughLive?: LiveHub };

/** This process's hub on the app's database. */
export function liveHub(): LiveHub {
  globalForLive.patchthroughLive ??= createLiveHub(database());
  return globalForLive.patchthroughLive;
}
