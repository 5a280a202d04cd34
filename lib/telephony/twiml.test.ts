import { beforeAll, describe, expect, it } from "vitest";
import { testCallDialed, testCallPressed, testCallStart } from "./test-call";
import { applyTestTelephonyEnv } from "./testing/env";
import { twimlSchemaErrors } from "./testing/twiml-schema";
import { apologyTwiml, VoiceResponse } from "./twiml";

beforeAll(() => applyTestTelephonyEnv());

describe("TwiML builders validate against Twilio's schema", () => {
  const documents: [string, () => InstanceType<typeof VoiceResponse>][] = [
    ["apology", apologyTwiml],
    ["test call: start", () => testCallStart()],
    ["test call: start with a second phone", () => testCallStart("+447700900456")],
    ["test call: 1 pressed", () => testCallPressed("1", "+447700900456")],
    ["test call: other key", () => testCallPressed("5")],
    ["test call: dialled", () => testCallDialed("busy")],
  ];

  it.each(documents)("%s", async (_name, build) => {
    const xml = build().toString();
    expect(await twimlSchemaErrors(xml)).toEqual([]);
  });

  it("and the check catches what Twilio would reject", async () => {
    // <Dial> may not sit inside <Gather>, nor <Number> at the top.
    const invalid = `<?xml version="1.0" encoding="UTF-8"?><Response><Gather numDigits="1"><Dial>+447700900456</Dial></Gather></Response>`;
    expect(await twimlSchemaErrors(invalid)).not.toEqual([]);
    expect(await twimlSchemaErrors(`<?xml version="1.0"?><Response><Number>+447700900456</Number></Response>`)).not.toEqual([]);
  });

  it("builds absolute callback URLs from PUBLIC_URL, asking Twilio to retry what fails", () => {
    expect(testCallStart("+447700900456").toString()).toContain(
      'action="https://calls.example.test/twilio/test-call?step=pressed&amp;connect=%2B447700900456#rc=3&amp;rp=ct,rt,5xx"',
    );
  });
});
