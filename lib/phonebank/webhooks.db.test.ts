import twilio from "twilio";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as callStatusEvent from "@/app/twilio-webhook/call-status-event/route";
import * as consume from "@/app/twilio-webhook/consume/route";
import * as enqueue from "@/app/twilio-webhook/enqueue/route";
import * as stopConsuming from "@/app/twilio-webhook/stop-consuming/route";
import { setDatabaseForTests } from "../db/client";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { applyTestTelephonyEnv, TEST_AUTH_TOKEN } from "../telephony/testing/env";
import { twimlSchemaErrors } from "../telephony/testing/twiml-schema";
import { createUser } from "../users/service";
import { importLeads } from "./leads";
import { leadCalls, leads, phoneBanks, sessions } from "./schema";
import { createPhoneBank } from "./service";
import { WRONG_CODES_PER_HOUR } from "./webhooks";

/**
 * The phone bank's routes, fed the exact payloads recorded in the
 * auto-connect notes (re-signed for this test's PUBLIC_URL), then odd ones.
 */
const PUBLIC_URL = "https://calls.example.test";
let database: TestDatabase;
let sessionId = "";
let leadCallId = "";
let leadId = "";

const VOLUNTEER_CALL = {
  Called: "+13156276319", ToState: "NY", CallerCountry: "US", Direction: "inbound", CallerState: "NY", ToZip: "13332",
  CallSid: "CA0951bc92d147d01230c44be7e83609fd", To: "+13156276319", CallerZip: "13421", ToCountry: "US", ApiVersion: "2010-04-01",
  CalledZip: "13332", CalledCity: "MINOA", CallStatus: "ringing", From: "+13158865733", AccountSid: "AC838021b4b4e3568ca59381bf46575671",
  CalledCountry: "US", CallerCity: "ONEIDA", Caller: "+13158865733", FromCountry: "US", ToCity: "MINOA", FromCity: "ONEIDA", CalledState: "NY",
  FromZip: "13421", FromState: "NY",
};
const LEAD_LEG = {
  Called: "+18004444444", ToState: "", CallerCountry: "US", Direction: "outbound-api", CallerState: "NY", ToZip: "", CallSid: "CAdcc0de9d9c0bd0c9779d1d7aae4fd2b2",
  To: "+18004444444", CallerZip: "13332", ToCountry: "US", ApiVersion: "2010-04-01", CalledZip: "", CalledCity: "", CallStatus: "in-progress", From: "+13156276319",
  AccountSid: "AC838021b4b4e3568ca59381bf46575671", CalledCountry: "US", CallerCity: "MINOA", Caller: "+13156276319", FromCountry: "US", ToCity: "",
  FromCity: "MINOA", CalledState: "", FromZip: "13332", FromState: "NY",
};

type Route = { POST: (request: Request) => Promise<Response> };
async function post(route: Route, path: string, params: Record<string, string>) {
  const url = `${PUBLIC_URL}${path}`;
  const signature = twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, url, params);
  const response = await route.POST(
    new Request(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature }, body: new URLSearchParams(params) }),
  );
  return { status: response.status, body: await response.text() };
}

beforeAll(async () => {
  applyTestTelephonyEnv(PUBLIC_URL);
  database = await createTestDatabase();
  setDatabaseForTests(database);
  const user = await createUser(database.db, { email: "val@example.org", password: "correct horse battery", role: "volunteer" });
  const bank = await createPhoneBank(database.db, "Notes", user.id);
  await database.db.update(phoneBanks).set({ inboundNumber: "+13156276319", callerId: "+13156276319" }).where(eq(phoneBanks.id, bank.id));
  await importLeads(database.db, bank.id, "name,phone\nAlex,+18004444444\n");
  const [lead] = await database.db.update(leads).set({ status: "calling", attempts: 1 }).returning();
  leadId = lead!.id;
  const [session] = await database.db.insert(sessions).values({ phoneBankId: bank.id, volunteerId: user.id, accessCode: "958673" }).returning();
  sessionId = session!.id;
});
afterAll(() => database.dispose());

describe(`the notes' payloads (${testDriver()})`, () => {
  it("asks the volunteer for their code, then makes their line the queue's consumer", async () => {
    const ask = await post(consume, "/twilio-webhook/consume", VOLUNTEER_CALL);
    expect(ask.status).toBe(200);
    expect(ask.body).toContain('<Gather numDigits="6" timeout="15" action="https://calls.example.test/twilio-webhook/consume?tries=0#rc=3&amp;rp=ct,rt,5xx">');
    expect(await twimlSchemaErrors(ask.body)).toEqual([]);

    const typed = await post(consume, "/twilio-webhook/consume?tries=0", { msg: "Gather End", ...VOLUNTEER_CALL, Digits: "958673", FinishedOnKey: "", CallStatus: "in-progress" });
    expect(typed.body).toContain(`<Dial timeout="300" action="https://calls.example.test/twilio-webhook/stop-consuming?session=${sessionId}#rc=3&amp;rp=ct,rt,5xx">`);
    expect(typed.body).toContain(`<Queue url="https://calls.example.test/twilio-webhook/call-status-event?session=${sessionId}#rc=3&amp;rp=ct,rt,5xx">queue-958673</Queue>`);
    expect(await twimlSchemaErrors(typed.body)).toEqual([]);
    expect((await database.db.select().from(sessions).where(eq(sessions.id, sessionId)))[0]).toMatchObject({ status: "connected", consumerCallSid: VOLUNTEER_CALL.CallSid });
  });

  it("lets only the newest line take leads when the volunteer calls in again, and ignores the old line's end", async () => {
    const otherPhone = { ...VOLUNTEER_CALL, CallSid: "CA0951bc92d147d01230c44be7e8360aaa", CallStatus: "in-progress", Digits: "958673" };
    await post(consume, "/twilio-webhook/consume?tries=0", otherPhone);
    expect((await database.db.select().from(sessions).where(eq(sessions.id, sessionId)))[0]!.consumerCallSid).toBe(otherPhone.CallSid);
    const oldLineEnded = { ...VOLUNTEER_CALL, CallStatus: "completed", DialCallStatus: "no-answer" };
    await post(stopConsuming, `/twilio-webhook/stop-consuming?session=${sessionId}`, oldLineEnded);
    expect((await database.db.select().from(sessions).where(eq(sessions.id, sessionId)))[0]).toMatchObject({ status: "connected", consumerCallSid: otherPhone.CallSid });
    // Back to the notes' line for what follows.
    await post(consume, "/twilio-webhook/consume?tries=0", { ...VOLUNTEER_CALL, CallStatus: "in-progress", Digits: "958673" });
  });

  it("enqueues the answered lead, records the bridge and the end", async () => {
    const [bank] = await database.db.select().from(phoneBanks);
    const [call] = await database.db.insert(leadCalls).values({ phoneBankId: bank!.id, leadId, sessionId, attempt: 1 }).returning();
    leadCallId = call!.id;
    await database.db.update(sessions).set({ activeLeadCallId: leadCallId }).where(eq(sessions.id, sessionId));

    const answered = await post(enqueue, `/twilio-webhook/enqueue?call=${leadCallId}`, LEAD_LEG);
    expect(answered.body).toContain(`<Enqueue action="https://calls.example.test/twilio-webhook/call-status-event?call=${leadCallId}#rc=3&amp;rp=ct,rt,5xx">queue-958673</Enqueue>`);
    expect(await twimlSchemaErrors(answered.body)).toEqual([]);

    const dequeue = { ...LEAD_LEG, QueueTime: "0", DequeingCallSid: VOLUNTEER_CALL.CallSid, QueueSid: "QU700772b1ab5243eeb64a47dbd7e19d19" };
    const bridging = await post(callStatusEvent, `/twilio-webhook/call-status-event?session=${sessionId}`, dequeue);
    expect(bridging.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    expect((await database.db.select().from(leadCalls).where(eq(leadCalls.id, leadCallId)))[0]).toMatchObject({ status: "connected", dequeuedBy: VOLUNTEER_CALL.CallSid, queueTime: 0 });

    const left = { ...LEAD_LEG, QueueTime: "33", QueueSid: "QU700772b1ab5243eeb64a47dbd7e19d19", QueueResult: "bridged" };
    const after = await post(callStatusEvent, `/twilio-webhook/call-status-event?call=${leadCallId}`, left);
    expect(after.body).toContain("<Hangup/>");

    const completed = {
      ...LEAD_LEG, Timestamp: "Sun, 27 Jan 2019 16:48:58 +0000", CallbackSource: "call-progress-events", SipResponseCode: "200", SequenceNumber: "0",
      CallStatus: "completed", Duration: "1", CallDuration: "39",
    };
    for (let i = 0; i < 2; i++) expect((await post(callStatusEvent, `/twilio-webhook/call-status-event?call=${leadCallId}`, completed)).status).toBe(204);
    expect((await database.db.select().from(leadCalls).where(eq(leadCalls.id, leadCallId)))[0]).toMatchObject({ status: "completed", durationSeconds: 39, twilioStatus: "completed" });
    expect((await database.db.select().from(leads).where(eq(leads.id, leadId)))[0]).toMatchObject({ status: "answered", attempts: 1 });
  });

  it("keeps the volunteer's line waiting after the lead leaves, and lets go when they hang up", async () => {
    const dialEnded = { ...VOLUNTEER_CALL, CallStatus: "in-progress", DialCallStatus: "completed", DialCallSid: LEAD_LEG.CallSid, DialCallDuration: "39" };
    const again = await post(stopConsuming, `/twilio-webhook/stop-consuming?session=${sessionId}`, dialEnded);
    expect(again.body).toContain("That call has ended.");
    expect(again.body).toContain("<Queue");
    const hungUp = await post(stopConsuming, `/twilio-webhook/stop-consuming?session=${sessionId}`, { ...dialEnded, CallStatus: "completed" });
    expect(hungUp.body).toContain("<Hangup/>");
    expect((await database.db.select().from(sessions).where(eq(sessions.id, sessionId)))[0]).toMatchObject({ status: "disconnected", consumerCallSid: null });
  });
});

describe(`odd requests (${testDriver()})`, () => {
  it("answers unknown or malformed ids with TwiML, never a 500", async () => {
    for (const id of ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "%00", ""]) {
      const lead = await post(enqueue, `/twilio-webhook/enqueue?call=${encodeURIComponent(id)}`, LEAD_LEG);
      expect(lead.status).toBe(200);
      expect(lead.body).toContain("<Hangup/>");
      const status = await post(callStatusEvent, `/twilio-webhook/call-status-event?call=${encodeURIComponent(id)}`, { ...LEAD_LEG, CallbackSource: "call-progress-events", SequenceNumber: "1", Timestamp: "x", CallStatus: "ringing" });
      expect(status.status).toBe(204);
      const line = await post(stopConsuming, `/twilio-webhook/stop-consuming?session=${encodeURIComponent(id)}`, { ...VOLUNTEER_CALL, CallStatus: "in-progress", DialCallStatus: "no-answer" });
      expect(line.body).toContain("<Hangup/>");
    }
  });

  it("refuses a request without the parameters its kind needs with 400", async () => {
    expect((await post(consume, "/twilio-webhook/consume", { Digits: "123456" })).status).toBe(400);
    expect((await post(enqueue, `/twilio-webhook/enqueue?call=${leadCallId}`, { ...LEAD_LEG, CallSid: "nope" })).status).toBe(400);
    expect((await post(callStatusEvent, `/twilio-webhook/call-status-event?call=${leadCallId}`, LEAD_LEG)).status).toBe(400);
    expect((await post(callStatusEvent, `/twilio-webhook/call-status-event?call=${leadCallId}`, { ...LEAD_LEG, QueueResult: "bridged" })).status).toBe(400);
    expect((await post(stopConsuming, `/twilio-webhook/stop-consuming?session=${sessionId}`, VOLUNTEER_CALL)).status).toBe(400);
  });

  it("cuts short a phone that keeps guessing codes, across calls", async () => {
    const guesser = { ...VOLUNTEER_CALL, From: "+13155550199", Caller: "+13155550199", CallStatus: "in-progress" };
    for (let i = 0; i < WRONG_CODES_PER_HOUR; i++) {
      const answer = await post(consume, "/twilio-webhook/consume?tries=0", { ...guesser, Digits: String(100000 + i) });
      expect(answer.body).toContain("That code didn't match");
    }
    const cut = await post(consume, "/twilio-webhook/consume?tries=0", { ...guesser, Digits: "200000" });
    expect(cut.body).toContain("Goodbye.");
  });

  it("treats a code of the wrong shape as a wrong code", async () => {
    const typed = await post(consume, "/twilio-webhook/consume?tries=2", { ...VOLUNTEER_CALL, Digits: "95867#" });
    expect(typed.body).toContain("Goodbye.");
  });
});
