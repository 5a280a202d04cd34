import type { TwilioParams } from "../webhook";
import { accepted, twilioWebhook } from "../webhook";
import { placeCall, type PlaceCall } from "../calls";
import { phoneBehaviorSchema, setBehavior } from "../simulator/phone";
import { VoiceResponse } from "../twiml";
import { startSimulatorFixture, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, type SimulatorFixture } from "./simulator-fixture";
import type { Simulator } from "../simulator/context";

/** A request the app received from the simulator: its path, its idempotency token, when, and its parameters. */
export type Seen = Record<string, string> & { path: string; token: string; at: string };

/**
 * A simulator fixture with helpers for scenario tests: TwiML routes built in
 * one line, every request the app receives kept in order (after the app's
 * own signature check passed), scripted phones, calls placed through the SDK.
 */
export async function startScenario(options: Partial<Pick<Simulator, "cps" | "disorder" | "seed">> & { speed?: number } = {}) {
  const { speed = 40, ...simOptions } = options;
  const fixture: SimulatorFixture = await startSimulatorFixture(speed, simOptions);
  const seen: Seen[] = [];
  const keep = (path: string, handler: (request: Request) => Promise<Response>) =>
    fixture.routes.set(path, async (request) => {
      const params = Object.fromEntries(new URLSearchParams(await request.clone().text()));
      const response = await handler(request);
      if (response.status !== 403) seen.push({ ...params, path, token: request.headers.get("i-twilio-idempotency-token") ?? "", at: String(Date.now()) });
      return response;
    });
  return {
    fixture,
    sim: fixture.sim,
    seen,
    /** Serves TwiML built from the request's parameters. */
    twiml(path: string, build: (response: InstanceType<typeof VoiceResponse>, params: TwilioParams) => void) {
      keep(
        path,
        twilioWebhook(({ params }) => {
          const response = new VoiceResponse();
          build(response, params);
          return response;
        }),
      );
    },
    /** A status callback endpoint; `answer` may delay or refuse. */
    callback(path: string, answer: (params: TwilioParams) => Promise<Response> | Response = () => accepted()) {
      keep(path, twilioWebhook(({ params }) => answer(params)));
    },
    /** A route answering whatever the test likes (no signature check). */
    raw(path: string, handler: (request: Request) => Promise<Response> | Response) {
      keep(path, async (request) => handler(request));
    },
    requestsTo: (path: string, sid?: string) => seen.filter((entry) => entry.path === path && (!sid || entry.CallSid === sid)),
    script: (number: string, behavior: Record<string, unknown>) => setBehavior(fixture.sim, number, phoneBehaviorSchema.parse(behavior)),
    call: (to: string, path: string, extra: Partial<PlaceCall> = {}) =>
      placeCall({ to, from: "+15005550006", url: `${fixture.url}${path}`, statusCallback: `${fixture.url}/status`, statusCallbackEvents: ["initiated", "ringing", "answered", "completed"], ...extra }),
    /** The simulated REST API, as a raw HTTP client (for what the app's seam does not use). */
    rest(method: string, path: string, form?: Record<string, string | string[]>) {
      const body = new URLSearchParams();
      for (const [key, value] of Object.entries(form ?? {})) for (const item of ([] as string[]).concat(value)) body.append(key, item);
      return fetch(`${fixture.url}/dev/twilio/2010-04-01/Accounts/${TEST_ACCOUNT_SID}${path}`, {
        method,
        headers: { Authorization: `Basic ${Buffer.from(`${TEST_ACCOUNT_SID}:${TEST_AUTH_TOKEN}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded" },
        body: form ? body.toString() : undefined,
      });
    },
    close: () => fixture.close(),
  };
}

export type Scenario = Awaited<ReturnType<typeof startScenario>>;

/** Waits, polling, until `check` answers something truthy. */
export async function eventually<T>(check: () => Promise<T> | T, seconds = 20): Promise<NonNullable<T>> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
