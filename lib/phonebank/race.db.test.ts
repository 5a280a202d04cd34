import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../db/testing";
import { startHttpServer } from "../telephony/testing/http-server";
import { callNextLead } from "./dialer";
import { startBankFixture } from "./testing/bank-fixture";

/**
 * The auto-connect notes' open question ("why does registerActiveTwilioCall
 * not set active"): Twilio's first webhook can arrive before the REST call
 * that created the call has returned. Here a proxy in front of the simulator
 * holds the 201 of POST Calls.json until the call's first webhooks have been
 * answered; the app must already know the call by then.
 */
let f: Awaited<ReturnType<typeof startBankFixture>>;
let proxy: { url: string; close(): Promise<void> };
let heldUntil: (() => Promise<boolean>) | null = null;
const held: string[] = [];

beforeAll(async () => {
  f = await startBankFixture(["Alex Rivera,+442079460111,North"], {
    async beforeTelephony(fixture) {
      proxy = await startHttpServer(async (request) => {
        const url = new URL(request.url);
        const forwarded = await fetch(`${fixture.url}${url.pathname}${url.search}`, {
          method: request.method,
          headers: request.headers,
          body: request.method === "GET" ? undefined : await request.text(),
        });
        if (request.method === "POST" && url.pathname.endsWith("/Calls.json") && heldUntil) {
          const deadline = Date.now() + 15_000;
          while (!(await heldUntil())) {
            if (Date.now() > deadline) throw new Error("the webhooks never came");
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          held.push(url.pathname);
        }
        return new Response(await forwarded.text(), { status: forwarded.status, headers: forwarded.headers });
      });
      // Every REST call goes through the proxy.
      process.env.TWILIO_API_BASE_URL = `${proxy.url}/dev/twilio`;
    },
  });
});
afterAll(async () => {
  await proxy.close();
  await f.close();
});

describe(`a webhook before the REST call returns (${testDriver()})`, () => {
  it("still finds its call, and the lead is put through", async () => {
    const session = await f.join(0);
    await f.dialIn("+447700900301", [session.accessCode]);
    await f.until("the line to connect", async () => (await f.session(session.id)).status === "connected");
    await f.script("+442079460111", { answer: "answer", answerAfter: 0, hangupAfter: 30 });

    let callId = "";
    // Release the REST answer only once the lead has answered and /enqueue has put them in the queue.
    heldUntil = async () => !!callId && (await f.leadCall(callId)).status === "answered";
    const placing = callNextLead(f.db, session.id);
    callId = await f.until("the lead call's row", async () => (await f.session(session.id)).activeLeadCallId);
    const next = await placing;
    if (!next.ok) throw new Error(next.message);
    expect(held).toHaveLength(1);
    expect(next.leadCall.id).toBe(callId);
    // The webhooks recorded the CallSid before the REST answer could.
    expect((await f.leadCall(callId)).twilioCallSid).toMatch(/^CA[0-9a-f]{32}$/);
    await f.until("the bridge", async () => (await f.leadCall(callId)).status === "connected");
  });
});
