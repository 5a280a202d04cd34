import fs from "node:fs";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import fc from "fast-check";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADVANCES_FROM, type CallStatus } from "../calltool/call-state";
import { callEvents, calls } from "../calltool/call-schema";
import { NO_RECALL, startCallFixture } from "../calltool/testing/call-fixture";
import { testDriver } from "../db/testing";
import { fuzzParameters, oddText } from "../testing/fuzz";
import { TEST_AUTH_TOKEN } from "./testing/env";

// Every Twilio-facing route, called as Next.js calls it, with requests signed exactly as Twilio
// signs them but carrying whatever parameters: no 5xx, no stack trace, and no call's state ever
// moves backwards (calls.status only along ADVANCES_FROM; stored events are never lost).

const root = path.resolve(import.meta.dirname, "../..");
const routeFiles = ["app/twilio", "app/twilio-webhook"].flatMap((folder) =>
  fs.existsSync(path.join(root, folder))
    ? (fs.readdirSync(path.join(root, folder), { recursive: true }) as string[]).filter((file) => path.basename(file) === "route.ts").map((file) => path.join(folder, file))
    : [],
);

const TWILIO_KEYS = ["CallSid", "AccountSid", "CallStatus", "Digits", "SequenceNumber", "DialCallStatus", "DialCallDuration", "AnsweredBy", "From", "To", "CallDuration", "Timestamp", "ErrorCode"];
const TWILIO_VALUES = ["completed", "busy", "no-answer", "in-progress", "ringing", "initiated", "answered", "failed", "canceled", "1", "2", "#", "0", "human"];

describe(`every Twilio route, fuzzed with valid signatures, on ${testDriver()}`, () => {
  let call: Awaited<ReturnType<typeof startCallFixture>>;
  let callId: string;
  beforeAll(async () => {
    call = await startCallFixture(NO_RECALL);
    const placed = await call.place("+442079460777");
    if (!placed.ok) throw new Error(`could not place the call to aim at: ${placed.error}`);
    callId = placed.callId;
  });
  afterAll(() => call.close());

  const state = async () => {
    const [row] = await call.db.select({ status: calls.status }).from(calls).where(eq(calls.id, callId));
    const [events] = await call.db.select({ n: count() }).from(callEvents).where(eq(callEvents.callId, callId));
    return { status: row!.status as CallStatus, events: events!.n };
  };

  it("finds the routes", () => {
    expect(routeFiles).toEqual(expect.arrayContaining([path.join("app/twilio/calls/[id]/start/route.ts"), path.join("app/twilio/test-call/route.ts")]));
  });

  it("answers every signed request without a 5xx or a stack trace, and never moves a call backwards", async () => {
    const modules = await Promise.all(routeFiles.map(async (file) => ({ file, module: (await import(path.join(root, file))) as Record<string, unknown> })));
    const params = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...TWILIO_KEYS), oddText(16)), fc.oneof(fc.constantFrom(...TWILIO_VALUES), fc.integer().map(String), oddText(40))), { maxLength: 10 });
    const id = fc.oneof(fc.constant("the call"), fc.uuid(), oddText(40));
    const query = fc.dictionary(fc.constantFrom("attempt", "round", "step", "dial", "pos", "redial", "again", "met", "x"), fc.oneof(oddText(12), fc.integer({ min: -2, max: 300 }).map(String)), { maxKeys: 3 });
    const answered: number[] = [];

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...modules), id, params, query, async ({ file, module }, idChoice, body, search) => {
        const routeId = idChoice === "the call" ? callId : idChoice;
        const urlPath = `/${file.replace(/^app\//, "").replace(/\/route\.ts$/, "").replace(/\[id\]/g, encodeURIComponent(routeId))}`;
        const qs = new URLSearchParams(search).toString();
        const url = `${call.fixture.url}${urlPath}${qs ? `?${qs}` : ""}`;
        const signing: Record<string, string | string[]> = Object.create(null);
        for (const [key, value] of body) signing[key] = key in signing ? ([] as string[]).concat(signing[key]!, value) : value;
        const request = new Request(url, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, url, signing) },
          body: new URLSearchParams(body).toString(),
        });
        const before = await state();
        const handler = module.POST as (request: Request, context: unknown) => Promise<Response>;
        const response = await handler(request, { params: Promise.resolve({ id: routeId }) });
        const text = await response.text();
        answered.push(response.status);
        expect(response.status, `${urlPath}: ${response.status}`).toBeLessThan(500);
        expect(text).not.toMatch(/\n\s+at \S[^\n]*:\d+:\d+/);
        const after = await state();
        // A status callback answered 2xx is stored (once), whatever else it carried.
        if (file.includes("events") && routeId === callId && response.status < 300) {
          const first = (key: string) => body.find(([name]) => name === key)?.[1].replaceAll("\u0000", "") ?? "";
          const stored = await call.db
            .select({ n: count() })
            .from(callEvents)
            .where(and(eq(callEvents.callId, callId), eq(callEvents.callSid, first("CallSid")), eq(callEvents.callStatus, first("CallStatus"))));
          expect(stored[0]!.n, `the callback ${JSON.stringify(body)}`).toBeGreaterThan(0);
        }
        if (after.status !== before.status) expect(ADVANCES_FROM[after.status as Exclude<CallStatus, "unstarted">] ?? [], `${before.status} → ${after.status}`).toContain(before.status);
        expect(after.events).toBeGreaterThanOrEqual(before.events);
      }),
      fuzzParameters(60),
    );
    // The requests reached the handlers: most passed the signature check (a NUL byte in a parameter, which Twilio never sends, does not).
    expect(answered.filter((status) => status !== 403).length).toBeGreaterThan(answered.length / 2);
  });
});
