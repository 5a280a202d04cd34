import twilio from "twilio";
import { and, asc, desc, eq } from "drizzle-orm";
import * as connect from "@/app/twilio/calls/[id]/connect/route";
import * as events from "@/app/twilio/calls/[id]/events/route";
import * as menu from "@/app/twilio/calls/[id]/menu/route";
import * as next from "@/app/twilio/calls/[id]/next/route";
import * as start from "@/app/twilio/calls/[id]/start/route";
import * as targetAnswered from "@/app/twilio/calls/[id]/target-answered/route";
import * as targetStatus from "@/app/twilio/calls/[id]/target-status/route";
import { setDatabaseForTests } from "../../db/client";
import { stopJobQueue } from "../../jobs";
import { addPlugin, createPage, setPageStatus } from "../../pages/service";
import { addPhoneNumber } from "../../phone-numbers/service";
import { phoneBehaviorSchema, setBehavior } from "../../telephony/simulator/phone";
import { simCalls } from "../../telephony/simulator/schema";
import { pressDigits } from "../../telephony/simulator/store";
import { TEST_AUTH_TOKEN } from "../../telephony/testing/env";
import { startSimulatorFixture, type SimulatorFixture } from "../../telephony/testing/simulator-fixture";
import { createUser } from "../../users/service";
import { callAttempts, callEvents, calls, targetDials } from "../call-schema";
import { loadCallFacts } from "../calls";
import { callToolRecallSchema, type CallToolConfig } from "../config";
import { placeMemberCall, type PlaceCallRequest } from "../place-call";
import { memberProgress } from "../progress";
import { loadCallTool, saveCallToolSettings, saveTargets } from "../service";
import { startTwilioProxy } from "./twilio-proxy";

const ROUTES = { start, menu, connect, "target-answered": targetAnswered, "target-status": targetStatus, next, events } as const;

export const CALLER_ID = "+15005550006";
/** For tests about one attempt: a missed call ends the call instead of being recalled. */
export const NO_RECALL: Partial<CallToolConfig> = { recall: callToolRecallSchema.parse({ enabled: false }) };
export const TARGET_PHONE = "+442079460018";

/**
 * The simulator with the app's own Twilio routes mounted, on a test database
 * that also holds a published page with a call tool and one target. Calls are
 * placed through placeMemberCall, exactly as POST /api/call does, and the
 * app's REST requests go through a proxy that records them and can break
 * them. Outbound calls are paced at 100 a second unless the test file sets
 * TWILIO_CPS first.
 */
export async function startCallFixture(settings: Partial<CallToolConfig> = {}, options: { speed?: number; disorder?: boolean } = {}) {
  process.env.TWILIO_CPS ??= "100";
  const speed = options.speed ?? 40;
  const fixture: SimulatorFixture = await startSimulatorFixture(speed, options.disorder === undefined ? {} : { disorder: options.disorder });
  const proxy = await startTwilioProxy(`${fixture.url}/dev/twilio`);
  process.env.TWILIO_API_BASE_URL = proxy.url;
  setDatabaseForTests(fixture.database);
  /** A test may answer some of Twilio's requests itself (a lost callback, a broken network). */
  let intercept: ((step: string, request: Request) => Response | undefined) | null = null;
  /** Every TwiML document the app's routes answered, by step, so a test can hold each to Twilio's schema. */
  const twiml: { step: string; body: string }[] = [];
  fixture.patterns.push([
    /^\/twilio\/calls\/([^/]+)\/([a-z-]+)$/,
    async (request, match) => {
      const intercepted = intercept?.(match[2]!, request);
      if (intercepted) return intercepted;
      const route = ROUTES[match[2] as keyof typeof ROUTES];
      if (!route) return new Response("not found", { status: 404 });
      const response = await route.POST(request, { params: Promise.resolve({ id: match[1]! }) });
      if ((response.headers.get("content-type") ?? "").includes("xml")) twiml.push({ step: match[2]!, body: await response.clone().text() });
      return response;
    },
  ]);
  const db = fixture.database.db;
  const user = await createUser(db, { email: "cam@example.org", password: "correct horse battery", role: "campaigner" });
  const page = await createPage(db, { title: "Bees", slug: "bees", language: "en" }, user.id);
  const plugin = await addPlugin(db, page.id, "call_tool");
  await addPhoneNumber(db, { number: CALLER_ID, label: "" });
  await saveTargets(db, plugin.id, plugin.version, [{ name: "Ada Lovelace", title: "MP", phone: TARGET_PHONE, country: "GB", extension: "12" }]);
  const tool = (await loadCallTool(db, plugin.id))!;
  await saveCallToolSettings(db, plugin.id, tool.plugin.version, { ...tool.config, callerId: CALLER_ID, callsPerNumberPerDay: 50, ...settings });
  await setPageStatus(db, page.id, "published");
  const targetId = (await loadCallTool(db, plugin.id))!.targets[0]!.id;

  const attempt = async (callId: string, number = 1) => (await db.select().from(callAttempts).where(and(eq(callAttempts.callId, callId), eq(callAttempts.attempt, number))))[0];
  /** The latest attempt Twilio has placed (a recall's, once there is one). */
  const placedAttempt = async (callId: string) =>
    (await db.select().from(callAttempts).where(eq(callAttempts.callId, callId)).orderBy(desc(callAttempts.attempt))).find((row) => row.callSid) ?? (await attempt(callId));
  const self = {
    fixture,
    proxy,
    db,
    pluginId: plugin.id,
    pageId: page.id,
    targetId,
    twiml,
    intercept: (handler: typeof intercept) => void (intercept = handler),
    /** Changes the call tool's settings; calls made from now on follow them. */
    async configure(changes: Partial<CallToolConfig>) {
      const current = (await loadCallTool(db, plugin.id))!;
      await saveCallToolSettings(db, plugin.id, current.plugin.version, { ...current.config, ...changes });
    },
    script: (number: string, behavior: Record<string, unknown>) => setBehavior(fixture.sim, number, phoneBehaviorSchema.parse(behavior)),
    place: (memberPhone: string, ip = "203.0.113.9", extra: Partial<PlaceCallRequest> = {}) => placeMemberCall(db, { targetId, memberPhone, ip, canSeeDrafts: async () => false, ...extra }),
    attempt,
    placedAttempt,
    attempts: (callId: string) => db.select().from(callAttempts).where(eq(callAttempts.callId, callId)).orderBy(asc(callAttempts.attempt)),
    call: async (callId: string) => (await db.select().from(calls).where(eq(calls.id, callId)))[0]!,
    dials: (callId: string) => db.select().from(targetDials).where(eq(targetDials.callId, callId)).orderBy(asc(targetDials.dial)),
    events: (callId: string) => db.select().from(callEvents).where(eq(callEvents.callId, callId)).orderBy(asc(callEvents.sequenceNumber)),
    /** What the member's page says about the call now. */
    progress: async (callId: string) => {
      const found = (await loadCallFacts(db, callId))!;
      return memberProgress(found.call, found.facts);
    },
    /** Everything said to the member on their leg (the latest placed attempt's). */
    said: async (callId: string) => {
      const sid = (await placedAttempt(callId))!.callSid!;
      return (await fixture.callLog(sid)).filter((entry) => entry.kind === "say").map((entry) => entry.message);
    },
    /**
     * Presses keys on the member's phone as a person does: once the phone has
     * heard `prompt` (its `nth` time), while the <Gather> around it listens.
     */
    async pressWhenHeard(callId: string, prompt: string, digits: string, nth = 1) {
      await self.until(() => self.said(callId).catch(() => []), (spoken) => spoken.filter((text) => text === prompt).length >= nth);
      await pressDigits(fixture.sim, (await placedAttempt(callId))!.callSid!, digits);
    },
    /** The member hangs up. */
    async hangUp(callId: string) {
      await fixture.sim.db.update(simCalls).set({ hangupRequested: true }).where(eq(simCalls.sid, (await placedAttempt(callId))!.callSid!));
    },
    /** Posts a request to one of the app's Twilio routes, signed as Twilio signs it. */
    post: (path: string, params: Record<string, string>, headers: Record<string, string> = {}) => {
      const url = `${fixture.url}${path}`;
      return fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, url, params), ...headers },
        body: new URLSearchParams(params).toString(),
      });
    },
    /** Waits until `check` holds, polling. */
    async until<T>(read: () => Promise<T>, check: (value: T) => boolean, seconds = 20): Promise<T> {
      const deadline = Date.now() + seconds * 1000;
      for (;;) {
        const value = await read();
        if (check(value)) return value;
        if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)} after ${seconds}s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    /** Waits for the member's call to end and every callback to be stored; answers the call's row. */
    async finish(callId: string) {
      const placed = await self.until(() => attempt(callId), (row) => !!row?.callSid);
      await fixture.waitForEnd(placed!.callSid!);
      await self.until(() => self.call(callId), (row) => row.endedAt !== null, 10);
      return self.call(callId);
    },
    async close() {
      // Let calls still ringing (at most a ring timeout of 30 simulated seconds) end before the database goes.
      await new Promise((resolve) => setTimeout(resolve, (30 / speed) * 1000 + 300));
      await stopJobQueue(2000).catch(() => undefined);
      await proxy.close();
      await fixture.close();
    },
  };
  return self;
}
