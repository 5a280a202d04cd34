import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../db/testing";
import { getCall } from "../telephony/simulator/store";
import { callNextLead } from "./dialer";
import { startBankFixture } from "./testing/bank-fixture";
import { consoleView } from "./views";
import { recordDisposition } from "./volunteer";

let f: Awaited<ReturnType<typeof startBankFixture>>;
beforeAll(async () => {
  f = await startBankFixture(["Alex Rivera,+442079460101,North", "Bo Chen,+442079460102,South", "Cy Diaz,+442079460103,East"]);
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
    expect((await getCall(f.fixture.sim, line.sid))!.bridgedWith).toBe(bridged.twilioCallSid);
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
