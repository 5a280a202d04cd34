import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../db/testing";
import { eq } from "drizzle-orm";
import { getCall, updateCall } from "../telephony/simulator/store";
import { runDueJobs } from "../jobs/testing";
import { leadCalls, leads, phoneBanks, sessions } from "./schema";
import { callNextLead } from "./dialer";
import { startBankFixture } from "./testing/bank-fixture";
import { consoleView } from "./views";
import { recordDisposition } from "./volunteer";

let f: Awaited<ReturnType<typeof startBankFixture>>;
const LEADS = ["Alex Rivera,+442079460101,North", "Bo Chen,+442079460102,South", "Cy Diaz,+442079460103,East", "Di Evans,+442079460104,West", "Ed Fox,+442079460105,North"];
beforeAll(async () => {
  f = await startBankFixture(LEADS);
});
afterAll(() => f.close());

describe(`a volunteer's phone bank session through the simulator (${testDriver()})`, () => {
  it("joins, dials in with the code, and is bridged to a lead who answers", async () => {
    const session = await f.join(0);
    expect(session.accessCode).toMatch(/^\d{6}$/);
    expect((await consoleView(f.db, session.id))!.stage).toBe("waiting-for-line");

    const line = await f.dialIn("+447700900201", [session.accessCode]);
    await f.until("the line to connect", async () => (await f.session(session.id)).status === "connected");
    expect((await f.session(session.id)).consumerCallSid).toBe(line.sid);
    expect((await consoleView(f.db, session.id))!.stage).toBe("ready");

    await f.script("+442079460101", { answer: "answer", answerAfter: 2, hangupAfter: 20 });
    const next = await callNextLead(f.db, session.id);
    if (!next.ok) throw new Error(next.message);
    expect(next.leadName).toBe("Alex Rivera");
    await f.until("the lead to be bridged", async () => (await f.leadCall(next.leadCall.id)).status === "connected");
    const bridged = await f.leadCall(next.leadCall.id);
    expect(bridged.dequeuedBy).toBe(line.sid);
    // Twilio asks the <Queue url> first, then bridges the two legs.
    await f.until("both legs bridged", async () => (await getCall(f.fixture.sim, line.sid))!.bridgedWith === bridged.twilioCallSid);
    expect((await consoleView(f.db, session.id))!).toMatchObject({ stage: "connected", lead: { name: "Alex Rivera", fields: { ward: "North" } } });

    await f.until("the lead to hang up", async () => (await f.leadCall(next.leadCall.id)).status === "completed");
    expect((await f.lead("+442079460101")).status).toBe("answered");
    const view = (await consoleView(f.db, session.id))!;
    expect(view).toMatchObject({ stage: "wrap-up", needsDisposition: true, leadCallId: next.leadCall.id });
    // The volunteer's line is still up, waiting for the next lead.
    expect((await getCall(f.fixture.sim, line.sid))!.status).toBe("in-progress");

    await recordDisposition(f.db, { sessionId: session.id, volunteerId: f.volunteers[0]!.id, leadCallId: next.leadCall.id, disposition: "Supportive", notes: "Will come on Saturday" });
    expect(await f.lead("+442079460101")).toMatchObject({ status: "done", disposition: "Supportive", notes: "Will come on Saturday" });
    expect((await consoleView(f.db, session.id))!.stage).toBe("ready");
  });
});

describe(`the phone bank's guards (${testDriver()})`, () => {
  const said = async (sid: string) => (await f.fixture.callLog(sid)).filter((entry) => entry.kind === "say").map((entry) => entry.message);

  it("hangs up after a wrong access code three times", async () => {
    const line = await f.dialIn("+447700900202", ["000000", "111111", "222222"]);
    const ended = await f.fixture.waitForEnd(line.sid);
    expect(ended.status).toBe("completed");
    const spoken = await said(line.sid);
    expect(spoken.filter((text) => text.startsWith("That code didn't match"))).toHaveLength(2);
    expect(spoken.at(-1)).toBe("Sorry, that code didn't work. Check the code on your screen and call again. Goodbye.");
    expect(await f.db.select().from(sessions).where(eq(sessions.consumerCallSid, line.sid))).toHaveLength(0);
  });

  it("puts the lead back on the list when the volunteer hangs up mid-call", async () => {
    const session = await f.join(1);
    const line = await f.dialIn("+447700900203", [session.accessCode]);
    await f.until("the line to connect", async () => (await f.session(session.id)).status === "connected");
    await f.script("+442079460102", { answer: "answer", answerAfter: 1 });
    const next = await callNextLead(f.db, session.id);
    if (!next.ok) throw new Error(next.message);
    expect(next.leadName).toBe("Bo Chen");
    await f.until("the bridge", async () => (await f.leadCall(next.leadCall.id)).status === "connected");

    // The volunteer puts the phone down while talking.
    await updateCall(f.fixture.sim, line.sid, { hangupRequested: true });
    await f.until("the session to let go of the call", async () => {
      const current = await f.session(session.id);
      return current.status === "disconnected" && current.activeLeadCallId === null;
    });
    expect(await f.leadCall(next.leadCall.id)).toMatchObject({ status: "abandoned" });
    expect(await f.lead("+442079460102")).toMatchObject({ status: "waiting", attempts: 0, nextAttemptAt: null });
    // The lead's own line is hung up too (the bridge ended, and the hang-up job finds nothing left to do).
    const leadSid = (await f.leadCall(next.leadCall.id)).twilioCallSid!;
    expect((await f.fixture.waitForEnd(leadSid)).status).toBe("completed");
    await runDueJobs("phonebank.hang-up-lead");
    expect((await consoleView(f.db, session.id))!.stage).toBe("disconnected");
  });

  it("never bridges a lead to a volunteer who is on another call: apology and hang-up, lead back on the list", async () => {
    const session = await f.connected(1, "+447700900204");
    await f.script("+442079460102", { answer: "answer", answerAfter: 3 });
    const next = await callNextLead(f.db, session.id);
    if (!next.ok) throw new Error(next.message);
    // While it rings, the volunteer is taken by another call (as a late answer of an earlier call would).
    const other = await f.db.select().from(leads).where(eq(leads.phone, "+442079460103"));
    const [busy] = await f.db.insert(leadCalls).values({ phoneBankId: f.bank.id, leadId: other[0]!.id, sessionId: session.id, attempt: 1, status: "connected" }).returning();
    await f.db.update(sessions).set({ activeLeadCallId: busy!.id }).where(eq(sessions.id, session.id));

    await f.until("the guard", async () => (await f.leadCall(next.leadCall.id)).status === "rejected");
    const leadSid = (await f.leadCall(next.leadCall.id)).twilioCallSid!;
    await f.fixture.waitForEnd(leadSid);
    expect(await said(leadSid)).toEqual(["Sorry, our volunteer has just become unavailable. We'll try you again another time. Goodbye."]);
    expect((await getCall(f.fixture.sim, leadSid))!.bridgedWith).toBeNull();
    expect(await f.lead("+442079460102")).toMatchObject({ status: "waiting", attempts: 0 });
    expect((await f.session(session.id)).activeLeadCallId).toBe(busy!.id);
  });

  it("schedules a busy lead's recall per the policy, and calls the next lead meanwhile", async () => {
    const session = await f.connected(0, "+447700900205");
    await f.db.update(leads).set({ status: "done" }).where(eq(leads.status, "waiting"));
    await f.db.update(leads).set({ status: "waiting" }).where(eq(leads.phone, "+442079460104"));
    await f.script("+442079460104", { answer: "busy" });
    const next = await callNextLead(f.db, session.id);
    if (!next.ok) throw new Error(next.message);
    await f.until("busy", async () => (await f.leadCall(next.leadCall.id)).status === "busy");
    const lead = await f.lead("+442079460104");
    expect(lead).toMatchObject({ status: "waiting", attempts: 1, lastOutcome: "busy" });
    expect(lead.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 60_000);
    expect((await f.session(session.id)).activeLeadCallId).toBeNull();
    // The recall isn't due yet, so there is nobody to call.
    expect(await callNextLead(f.db, session.id)).toMatchObject({ ok: false, reason: "no-leads" });
  });

  it("in auto-connect, dials the next lead by itself when one doesn't answer", async () => {
    const session = await f.connected(0, "+447700900205");
    await f.db.update(sessions).set({ autoConnect: true }).where(eq(sessions.id, session.id));
    await f.db.update(leads).set({ status: "done" }).where(eq(leads.status, "waiting"));
    await f.db.update(leads).set({ status: "waiting", nextAttemptAt: null }).where(eq(leads.phone, "+442079460105"));
    await f.db.update(leads).set({ status: "waiting", nextAttemptAt: null, attempts: 0 }).where(eq(leads.phone, "+442079460103"));
    await f.script("+442079460103", { answer: "no-answer" });
    await f.script("+442079460105", { answer: "manual" });
    const first = await callNextLead(f.db, session.id);
    if (!first.ok) throw new Error(first.message);
    expect(first.leadName).toBe("Cy Diaz");
    await f.until("no answer", async () => (await f.leadCall(first.leadCall.id)).status === "no-answer");
    await f.until("the next dial", async () => (await runDueJobs("phonebank.dial-next")) > 0 || null);
    const active = (await f.session(session.id)).activeLeadCallId;
    expect(active).not.toBeNull();
    expect(active).not.toBe(first.leadCall.id);
    expect((await f.leadCall(active!)).leadId).toBe((await f.lead("+442079460105")).id);
    expect((await f.lead("+442079460105")).status).toBe("calling");
  });

  it("leaves the voicemail message on a machine after the beep, hangs up, and recalls the lead", async () => {
    const session = await f.connected(1, "+447700900206");
    // Free of the call an earlier test pinned on this volunteer.
    await f.db.update(sessions).set({ activeLeadCallId: null }).where(eq(sessions.id, session.id));
    await f.db.update(phoneBanks).set({ machineDetection: true, voicemailMessage: "Sorry we missed you: this is the Bee Alliance. We'll try again." }).where(eq(phoneBanks.id, f.bank.id));
    await f.db.update(leads).set({ status: "done" }).where(eq(leads.status, "waiting"));
    await f.db.update(leads).set({ status: "waiting", nextAttemptAt: null, attempts: 0 }).where(eq(leads.phone, "+442079460101"));
    await f.script("+442079460101", { answer: "voicemail", answerAfter: 1, greetingSeconds: 4 });
    const next = await callNextLead(f.db, session.id);
    if (!next.ok) throw new Error(next.message);
    await f.until("the machine", async () => (await f.leadCall(next.leadCall.id)).status === "machine");
    const call = await f.leadCall(next.leadCall.id);
    expect(call.answeredBy).toBe("machine_end_beep");
    await f.fixture.waitForEnd(call.twilioCallSid!);
    expect(await said(call.twilioCallSid!)).toEqual(["Sorry we missed you: this is the Bee Alliance. We'll try again."]);
    // Never bridged to the volunteer, and called again later.
    expect((await getCall(f.fixture.sim, call.twilioCallSid!))!.bridgedWith).toBeNull();
    const lead = await f.lead("+442079460101");
    expect(lead).toMatchObject({ status: "waiting", lastOutcome: "machine" });
    expect(lead.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect((await f.session(session.id)).activeLeadCallId).toBeNull();
    await f.db.update(phoneBanks).set({ machineDetection: false, voicemailMessage: "" }).where(eq(phoneBanks.id, f.bank.id));
  });
});
