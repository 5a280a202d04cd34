// npm run bench: how fast the app answers Twilio's webhooks (the hot path),
// on the embedded database and, with BENCH_DATABASE_URL, on PostgreSQL.
// Runs the real route handlers with signed requests; prints figures, asserts nothing.
import { performance } from "node:perf_hooks";
import twilio from "twilio";
import * as events from "../app/twilio/calls/[id]/events/route";
import * as menu from "../app/twilio/calls/[id]/menu/route";
import * as start from "../app/twilio/calls/[id]/start/route";
import { calls } from "../lib/calltool/call-schema";
import { openDatabase, setDatabaseForTests, type DatabaseHandle } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { TEST_AUTH_TOKEN, applyTestTelephonyEnv } from "../lib/telephony/testing/env";

const PUBLIC_URL = "https://calls.example.test";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);
applyTestTelephonyEnv(PUBLIC_URL);

type Route = { POST: (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response> };

function signed(path: string, params: Record<string, string>): Request {
  const url = `${PUBLIC_URL}${path}`;
  return new Request(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, url, params) },
    body: new URLSearchParams(params).toString(),
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function measure(name: string, route: Route, id: string, params: (i: number) => Record<string, string>, step: string) {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const request = signed(`/twilio/calls/${id}/${step}`, params(i));
    const began = performance.now();
    const response = await route.POST(request, { params: Promise.resolve({ id }) });
    await response.text();
    times.push(performance.now() - began);
    if (response.status >= 400) throw new Error(`${name} answered ${response.status}`);
  }
  times.sort((a, b) => a - b);
  return { webhook: name, rounds: ROUNDS, p50_ms: +percentile(times, 0.5).toFixed(2), p95_ms: +percentile(times, 0.95).toFixed(2), max_ms: +times.at(-1)!.toFixed(2) };
}

async function bench(label: string, handle: DatabaseHandle) {
  await migrateDatabase(handle);
  setDatabaseForTests(handle);
  const script = {
    language: "en",
    message: { url: null, text: "Thank you for calling." },
    menu: { url: null, text: "Press 1 to connect." },
    target: { id: crypto.randomUUID(), name: "Ada", phone: "+442079460018", extension: "" },
    callerId: "+15005550006",
    followUpUrl: null,
  };
  const [call] = await handle.db.insert(calls).values({ memberPhone: "+442079460999", memberCountry: "GB", script }).returning({ id: calls.id });
  const id = call!.id;
  const base = { CallSid: "CAbench0000000000000000000000000000", AccountSid: "AC", CallStatus: "in-progress" };
  const results = [
    await measure("start", start, id, () => base, "start"),
    await measure("menu (no choice)", menu, id, () => base, "menu"),
    await measure("events (status callback)", events, id, (i) => ({ ...base, SequenceNumber: String(i), CallStatus: "ringing" }), "events"),
  ];
  console.log(`\n${label}`);
  console.table(results);
  await handle.close();
}

const heapBefore = process.memoryUsage().rss;
await bench("PGlite (embedded, in memory)", openDatabase({}));
if (process.env.BENCH_DATABASE_URL) await bench("PostgreSQL", openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL }));
console.log(`\nProcess memory (RSS): ${Math.round(heapBefore / 1e6)} MB at start, ${Math.round(process.memoryUsage().rss / 1e6)} MB at the end.`);
