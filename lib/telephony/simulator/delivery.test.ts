import { afterAll, beforeAll, describe, expect, it } from "vitest";
import twilio from "twilio";
import { startHttpServer } from "../testing/http-server";
import { connectionRules, deliver } from "./delivery";

const TOKEN = "delivery-test-token-0123456789";
type Seen = { path: string; token: string | null; valid: boolean };
let server: Awaited<ReturnType<typeof startHttpServer>>;
const seen: Seen[] = [];
// Answers each path's statuses in turn (the last one repeats); "slow" waits before answering.
const scripts = new Map<string, (number | "slow")[]>();

beforeAll(async () => {
  server = await startHttpServer(async (request) => {
    const url = new URL(request.url);
    const params = Object.fromEntries(new URLSearchParams(await request.text()));
    const signature = request.headers.get("x-twilio-signature") ?? "";
    seen.push({ path: url.pathname, token: request.headers.get("i-twilio-idempotency-token"), valid: twilio.validateRequest(TOKEN, signature, request.url, params) });
    const script = scripts.get(url.pathname) ?? [200];
    const next = script.length > 1 ? script.shift()! : script[0]!;
    if (next === "slow") await new Promise((resolve) => setTimeout(resolve, 1500));
    return new Response("<Response/>", { status: next === "slow" ? 200 : next });
  });
});
afterAll(() => server.close());

const send = (path: string, fragment = "") => deliver({ authToken: TOKEN, url: `${server.url}${path}${fragment}`, method: "POST", params: { CallSid: "CA1" }, token: `token-${path}` });
const requestsTo = (path: string) => seen.filter((entry) => entry.path === path);

describe("Twilio's request rules", () => {
  it("reads the connection overrides from the fragment, within Twilio's limits, and defaults to 15 s", () => {
    expect(connectionRules("https://app.example/s?a=1").rules).toMatchObject({ connectTimeout: 5000, readTimeout: 15_000, totalTime: 15_000, retries: 1 });
    const { url, rules } = connectionRules("https://app.example/s?a=1#ct=50&rt=20000&tt=700&rc=9&rp=5xx,ct");
    expect(url).toBe("https://app.example/s?a=1");
    expect(rules).toMatchObject({ connectTimeout: 100, readTimeout: 15_000, totalTime: 700, retries: 5 });
    expect([...rules.retryOn].sort()).toEqual(["5xx", "ct"]);
    expect([...connectionRules("https://x/#rp=all").rules.retryOn].sort()).toEqual(["4xx", "5xx", "ct", "rt"]);
  });

  it("signs without the fragment, which is never sent, so the app's check passes", async () => {
    expect(await send("/signed", "#rc=2&rp=5xx")).toMatchObject({ ok: true, attempts: 1 });
    expect(requestsTo("/signed")).toEqual([{ path: "/signed", token: "token-/signed", valid: true }]);
  });

  it("does not retry a 5xx unless the override asks for it", async () => {
    scripts.set("/plain-500", [500]);
    expect(await send("/plain-500")).toMatchObject({ ok: false, status: 500, attempts: 1 });
    expect(requestsTo("/plain-500")).toHaveLength(1);
  });

  it("retries a 5xx as often as rc says, with the same idempotency token", async () => {
    scripts.set("/flaky", [500, 503, 200]);
    expect(await send("/flaky", "#rc=3&rp=5xx")).toMatchObject({ ok: true, attempts: 3 });
    expect(requestsTo("/flaky").map((entry) => entry.token)).toEqual(["token-/flaky", "token-/flaky", "token-/flaky"]);
  });

  it("retries a 4xx only with rp=4xx or all", async () => {
    scripts.set("/gone", [404]);
    expect(await send("/gone", "#rc=2&rp=5xx")).toMatchObject({ ok: false, attempts: 1 });
    scripts.set("/gone-retried", [404]);
    expect(await send("/gone-retried", "#rc=2&rp=all")).toMatchObject({ ok: false, attempts: 3 });
  });

  it("gives up on a slow answer at the read timeout, and retries it by default", async () => {
    scripts.set("/slow", ["slow"]);
    const started = Date.now();
    const delivery = await send("/slow", "#rt=300&tt=1000");
    expect(delivery).toMatchObject({ ok: false, attempts: 2, problem: expect.stringContaining("did not answer in time") });
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it("retries a refused connection", async () => {
    const closed = await startHttpServer(() => new Response());
    await closed.close();
    expect(await deliver({ authToken: TOKEN, url: `${closed.url}/nobody#rc=2`, method: "POST", params: {}, token: "t" })).toMatchObject({ ok: false, attempts: 3, problem: expect.stringContaining("could not be reached") });
  });
});
