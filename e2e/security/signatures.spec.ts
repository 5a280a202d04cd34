import { randomUUID } from "node:crypto";
import { expect, test } from "../fixtures";
import { builtRoutes } from "./build";
import { accessOf } from "./policy";
import { STACK_TRACE } from "./sweep";
import { signedPost, simulatorCredentials } from "./twilio";

// The signature sweep: every route the build serves to Twilio refuses whatever Twilio did not sign, exactly.
const twilioRoutes = builtRoutes().filter((route) => accessOf(route.route) === "twilio");

test("the sweep finds the Twilio-facing routes in the build", () => {
  expect(twilioRoutes.map((route) => route.route)).toEqual(expect.arrayContaining(["/twilio/calls/[id]/start", "/twilio/calls/[id]/events", "/twilio/test-call"]));
});

for (const { route } of twilioRoutes) {
  test(`${route} answers only requests Twilio signed`, async ({ baseURL }) => {
    const { authToken } = simulatorCredentials();
    const path = route.replace(/\[[^\]]+\]/g, () => randomUUID());
    const url = `${baseURL}${path}?attempt=1`;
    const params: [string, string][] = [["CallSid", `CA${"0".repeat(32)}`], ["CallStatus", "in-progress"], ["Digits", "1"]];
    const post = async (init: RequestInit) => {
      const response = await fetch(url, { ...init, redirect: "manual" });
      return { status: response.status, body: await response.text() };
    };

    const refusals: Record<string, RequestInit> = {
      unsigned: { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(params).toString() },
      "signed with another account's token": signedPost(url, params, "f".repeat(32)),
      "signed for another host": signedPost(url, params, authToken, url.replace(/^http:\/\/[^/]+/, "https://evil.example")),
      "signed without the query": signedPost(url, params, authToken, url.split("?")[0]),
      "signed, then a parameter added": (() => {
        const init = signedPost(url, params, authToken);
        return { ...init, body: `${init.body}&Digits=2` };
      })(),
      "signed for another address": signedPost(url, params, authToken, url.replace("attempt=1", "attempt=2")),
    };
    for (const [what, init] of Object.entries(refusals)) {
      const answer = await post(init);
      expect(answer.status, what).toBe(403);
    }
    const unsignedGet = await fetch(url, { redirect: "manual" });
    expect([403, 405]).toContain(unsignedGet.status);

    const signed = await post(signedPost(url, params, authToken));
    expect(signed.status, "a request Twilio signed").toBeLessThan(500);
    expect(signed.status).not.toBe(403);
    expect(signed.body).not.toMatch(STACK_TRACE);
  });
}
