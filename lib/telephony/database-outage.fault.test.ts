import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as events from "@/app/twilio/calls/[id]/events/route";
import * as start from "@/app/twilio/calls/[id]/start/route";
import { callAttempts, callEvents, calls, type CallScript } from "../calltool/call-schema";
import { openDatabase, setDatabaseForTests, type DatabaseHandle } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { startScratchCluster, type ScratchCluster } from "../db/scratch-cluster";
import { applyTestTelephonyEnv, TEST_AUTH_TOKEN } from "./testing/env";

/**
 * Issue 14's database fault: PostgreSQL stops in the middle of webhook load
 * and starts again. On a server of the test's own (initdb + pg_ctl on a free
 * port), never the shared one. Requests during the outage must fail fast
 * with 503 (so Twilio's retry applies), none may hang past 5 s, the app must
 * serve again once the database is back without a restart, and every status
 * callback answered 2xx must be stored.
 */
const PUBLIC_URL = "https://calls.example.test";
applyTestTelephonyEnv(PUBLIC_URL);

const CALLS = 20;
const WORKERS = 8;
type Route = { POST: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response> };
type Answer = { at: number; ms: number; status: number; route: "events" | "start"; key?: string; apology: boolean };

function signed(path: string, params: Record<string, string>): Request {
  const url = `${PUBLIC_URL}${path}`;
  return new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, url, params) },
    body: new URLSearchParams(params).toString(),
  });
}

describe("a webhook load through a database outage", () => {
  let cluster: ScratchCluster;
  let handle: DatabaseHandle;
  const callIds: string[] = [];

  beforeAll(async () => {
    cluster = await startScratchCluster();
    handle = openDatabase({ databaseUrl: cluster.url, maxConnections: 5 });
    await migrateDatabase(handle);
    setDatabaseForTests(handle);
    const script: CallScript = {
      language: "en",
      message: { url: null, text: "Thank you for calling." },
      menu: { url: null, text: "Press 1 to be put through." },
      target: { id: crypto.randomUUID(), name: "Ada Lovelace", phone: "+442079460018", extension: "" },
      callerId: "+15005550006",
      followUpUrl: null,
    };
    for (let n = 0; n < CALLS; n++) {
      const [call] = await handle.db.insert(calls).values({ memberPhone: `+4420794609${String(n).padStart(2, "0")}`, memberCountry: "GB", script }).returning({ id: calls.id });
      await handle.db.insert(callAttempts).values({ callId: call!.id, attempt: 1, placement: "placed", callSid: `CA${n.toString(16).padStart(32, "0")}`, placedAt: new Date() });
      callIds.push(call!.id);
    }
  }, 60_000);

  afterAll(async () => {
    await handle?.close().catch(() => undefined);
    cluster?.destroy();
  });

  it("answers 503 fast while it is down, serves again once it is back, and stores every callback it accepted", async () => {
    const answers: Answer[] = [];
    let sequence = 0;
    let running = true;
    const send = async (route: "events" | "start") => {
      const n = sequence++;
      const index = n % CALLS;
      const id = callIds[index]!;
      const params: Record<string, string> = { CallSid: `CA${index.toString(16).padStart(32, "0")}`, AccountSid: "AC", CallStatus: route === "start" ? "in-progress" : "ringing" };
      if (route === "events") Object.assign(params, { SequenceNumber: String(1000 + n), CallbackSource: "call-progress-events" });
      const began = Date.now();
      const handler: Route = route === "events" ? events : start;
      const response = await handler.POST(signed(`/twilio/calls/${id}/${route}?attempt=1`, params), { params: Promise.resolve({ id }) });
      const body = await response.text();
      answers.push({ at: began, ms: Date.now() - began, status: response.status, route, key: route === "events" ? `${params.CallSid}:${params.SequenceNumber}` : undefined, apology: /sorry/i.test(body) });
    };
    const worker = async (which: number) => {
      while (running) await send(which % 4 === 0 ? "start" : "events");
    };
    const workers = Array.from({ length: WORKERS }, (_, which) => worker(which));

    await new Promise((resolve) => setTimeout(resolve, 1500));
    const down = Date.now();
    cluster.stop();
    await new Promise((resolve) => setTimeout(resolve, 5000));
    cluster.start();
    const up = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    running = false;
    await Promise.all(workers);

    const during = answers.filter((answer) => answer.at > down + 200 && answer.at < up - 200);
    // Fail fast, and only with 503 (so Twilio retries): never a 500, never an apology that hangs up on the member.
    const refused = answers.filter((answer) => answer.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((answer) => answer.at + answer.ms >= down && answer.at <= up)).toBe(true);
    expect(answers.every((answer) => [200, 204, 503].includes(answer.status) && !answer.apology)).toBe(true);
    expect(Math.max(...answers.map((answer) => answer.ms))).toBeLessThan(5000);
    // What did succeed while it was down waited for it to come back, within the deadline.
    expect(during.filter((answer) => answer.status < 300).every((answer) => answer.at + answer.ms >= up)).toBe(true);
    // Back without a restart: the last second is all answered.
    const last = answers.filter((answer) => answer.at > Date.now() - 1000);
    expect(last.length).toBeGreaterThan(0);
    expect(last.every((answer) => answer.status < 300)).toBe(true);

    const accepted = answers.filter((answer) => answer.route === "events" && answer.status < 300).map((answer) => answer.key!);
    const stored = new Set((await handle.db.select({ sid: callEvents.callSid, sequence: callEvents.sequenceNumber }).from(callEvents)).map((row) => `${row.sid}:${row.sequence}`));
    expect(accepted.length).toBeGreaterThan(50);
    expect(accepted.filter((key) => !stored.has(key))).toEqual([]);
  }, 60_000);
});
