import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../../db/testing";
import { placeCall } from "../calls";
import { startSimulatorFixture, type SimulatorFixture } from "../testing/simulator-fixture";
import { VoiceResponse } from "../twiml";
import { accepted, twilioWebhook, type TwilioParams } from "../webhook";
import { setBehavior, phoneBehaviorSchema } from "./phone";
import { simCalls } from "./schema";

const MEMBER = "+447700900001";
const TARGET = "+447700900002";
const CALLER_ID = "+15005550006";
const RFC_2822 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/;

describe(`the simulator runs a call as Twilio does (${testDriver()})`, () => {
  let fixture: SimulatorFixture;
  const received: Record<string, TwilioParams[]> = { pressed: [], dialed: [], status: [] };

  beforeAll(async () => {
    fixture = await startSimulatorFixture();
    const { routes, url } = fixture;
    routes.set(
      "/t/start",
      twilioWebhook(() => {
        const response = new VoiceResponse();
        response.gather({ numDigits: 1, timeout: 5, action: `${url}/t/pressed?from=start` }).say("Press 1 to be connected.");
        response.say("We did not hear a key.");
        return response;
      }),
    );
    routes.set(
      "/t/pressed",
      twilioWebhook(({ params }) => {
        received.pressed!.push(params);
        const response = new VoiceResponse();
        response.dial({ callerId: CALLER_ID, timeout: 20, action: `${url}/t/dialed` }).number({ sendDigits: "ww12" }, TARGET);
        return response;
      }),
    );
    routes.set(
      "/t/dialed",
      twilioWebhook(({ params }) => {
        received.dialed!.push(params);
        const response = new VoiceResponse();
        response.say("Thank you. Goodbye.");
        response.hangup();
        return response;
      }),
    );
    routes.set(
      "/t/status",
      twilioWebhook(({ params }) => {
        received.status!.push(params);
        return accepted();
      }),
    );
  });
  afterAll(() => fixture.close());

  it("places a call through the SDK, gathers the scripted digit, dials and bridges the target", async () => {
    await setBehavior(fixture.sim, MEMBER, phoneBehaviorSchema.parse({ answer: "answer", answerAfter: 2, digits: [{ after: 1, digits: "1", onPrompt: true }] }));
    await setBehavior(fixture.sim, TARGET, phoneBehaviorSchema.parse({ answer: "answer", answerAfter: 3, hangupAfter: 30 }));

    const placed = await placeCall({
      to: MEMBER,
      from: CALLER_ID,
      url: `${fixture.url}/t/start`,
      statusCallback: `${fixture.url}/t/status`,
      statusCallbackEvents: ["initiated", "ringing", "answered", "completed"],
      timeout: 30,
    });
    expect(placed.sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(placed.status).toBe("queued");

    const call = await fixture.waitForEnd(placed.sid);
    expect(call.status).toBe("completed");

    // The digit reached the Gather action, signed (the wrapper checked) and with Twilio's parameters.
    expect(received.pressed).toHaveLength(1);
    expect(received.pressed![0]).toMatchObject({
      CallSid: placed.sid,
      AccountSid: fixture.sim.accountSid,
      From: CALLER_ID,
      To: MEMBER,
      CallStatus: "in-progress",
      Direction: "outbound-api",
      ApiVersion: "2010-04-01",
      Digits: "1",
      FinishedOnKey: "",
    });

    // The Dial action: the target answered, talked ~30 s, hung up.
    expect(received.dialed).toHaveLength(1);
    const dialed = received.dialed![0]!;
    expect(dialed).toMatchObject({ CallSid: placed.sid, DialCallStatus: "completed", DialBridged: "true" });
    expect(dialed.DialCallSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(Number(dialed.DialCallDuration)).toBeGreaterThanOrEqual(28);
    // At 40 simulated seconds a real one, a loaded machine's delays show up tenfold: a generous upper bound.
    expect(Number(dialed.DialCallDuration)).toBeLessThanOrEqual(45);

    // The target leg: a child of the call, dialled from the caller ID, sent the extension's tones.
    const [leg] = await fixture.database.db.select().from(simCalls).where(eq(simCalls.sid, String(dialed.DialCallSid)));
    expect(leg).toMatchObject({ parentCallSid: placed.sid, direction: "outbound-dial", from: CALLER_ID, to: TARGET, status: "completed" });
    expect(await fixture.callLog(leg!.sid)).toContainEqual(expect.objectContaining({ kind: "digits", message: "Received tones 12" }));

    // Every status callback, in Twilio's shape. They are sent independently, so they are read in SequenceNumber order.
    const statuses = [...new Map(received.status!.map((event) => [event.SequenceNumber, event])).values()].toSorted((a, b) => Number(a.SequenceNumber) - Number(b.SequenceNumber));
    expect(statuses.map((event) => event.CallStatus)).toEqual(["initiated", "ringing", "in-progress", "completed"]);
    expect(statuses.map((event) => event.SequenceNumber)).toEqual(["0", "1", "2", "3"]);
    for (const event of statuses) {
      expect(event).toMatchObject({ CallSid: placed.sid, CallbackSource: "call-progress-events", Direction: "outbound-api", To: MEMBER });
      expect(event.Timestamp).toMatch(RFC_2822);
    }
    expect(Number(statuses[3]!.CallDuration)).toBeGreaterThan(30);
    expect(statuses[0]).not.toHaveProperty("CallDuration");
  });
});
