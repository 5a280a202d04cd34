import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../db/client";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { createUser } from "../users/service";
import { createLiveHub, type LiveEvent, type LiveHub } from "./live";
import { phoneBanks, sessions, type PhoneBankSession } from "./schema";
import { createPhoneBank } from "./service";
import { connectVolunteerLine, joinPhoneBank } from "./sessions";
import { liveStream } from "./stream";
import { consoleView } from "./views";

/**
 * Two app instances share one database. On PostgreSQL each gets its own
 * handle (its own connections), exactly as two processes would; on PGlite,
 * which is one process by design, both hubs sit on the one handle.
 */
let database: TestDatabase;
let other: DatabaseHandle;
let hubA: LiveHub;
let hubB: LiveHub;
let session: PhoneBankSession;
let bankId = "";

beforeAll(async () => {
  database = await createTestDatabase();
  other = testDriver() === "postgres" && database.driver === "postgres" ? openDatabase({ databaseUrl: database.url, maxConnections: 2 }) : database;
  hubA = createLiveHub(database);
  hubB = createLiveHub(other);
  const user = await createUser(database.db, { email: "val@example.org", password: "correct horse battery", role: "volunteer" });
  const bank = await createPhoneBank(database.db, "Live", user.id);
  bankId = bank.id;
  await database.db.update(phoneBanks).set({ inboundNumber: "+15005550006" }).where(eq(phoneBanks.id, bank.id));
  session = await joinPhoneBank(database.db, bank.id, user.id);
});
afterAll(async () => {
  await hubA.close();
  await hubB.close();
  if (other !== database) await other.close();
  await database.dispose();
});

const nextEvent = (hub: LiveHub, wants: (event: LiveEvent) => boolean) =>
  new Promise<LiveEvent>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no live event within 10 s")), 10_000);
    void hub.subscribe(wants, (event) => {
      clearTimeout(timer);
      resolve(event);
    });
  });

describe(`live updates across instances (${testDriver()})`, () => {
  it("delivers a change made through one instance to a subscriber on another", async () => {
    const received = nextEvent(hubB, (event) => event.session === session.id);
    await new Promise((resolve) => setTimeout(resolve, 100)); // let LISTEN settle
    await connectVolunteerLine(database.db, session.accessCode, "CA0951bc92d147d01230c44be7e83609fd");
    expect(await received).toEqual({ bank: bankId, session: session.id });
  });

  it("streams the volunteer's new stage to a browser connected to the other instance", async () => {
    const abort = new AbortController();
    const response = liveStream({ hub: hubB, wants: (event) => event.session === session.id, read: () => consoleView(other.db, session.id), signal: abort.signal });
    expect(response.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (pattern: RegExp) => {
      const deadline = Date.now() + 10_000;
      while (!pattern.test(text)) {
        if (Date.now() > deadline) throw new Error(`stream never matched ${pattern}: ${text}`);
        const { value, done } = await reader.read();
        if (done) throw new Error("stream ended");
        text += decoder.decode(value);
      }
    };
    await readUntil(/"stage":"ready"/);
    // Instance A: the volunteer's line drops.
    await database.db.update(sessions).set({ status: "disconnected" }).where(eq(sessions.id, session.id));
    await readUntil(/"stage":"disconnected"/);
    abort.abort();
    await reader.cancel().catch(() => undefined);
  });
});
