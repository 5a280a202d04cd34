import { expect, test } from "./fixtures";
import { openVirtualPhone, scriptNumber } from "./helpers";

/** The target id of the demo page's first target, read from its form as a partner's site would. */
async function demoTargetId(page: import("@playwright/test").Page): Promise<string> {
  await page.goto("/p/demo");
  return (await page.getByRole("radio", { name: /Alex Rivera/ }).getAttribute("value"))!;
}

test("POST /api/call answers JSON clients with 201, 200 for the live call, 422, 404 and 429 with Retry-After @call-flow", async ({ browser, page, request }) => {
  const targetId = await demoTargetId(page);
  // The member's line is busy, and they ask not to be called back: each call ends within a second or so.
  await scriptNumber(await openVirtualPhone(browser), "+442079460777", { answer: "busy" });
  const call = (key?: string) => request.post("/api/call", { data: { target_id: targetId, member_phone_number: "+44 20 7946 0777", ...(key ? { idempotency_key: key } : {}) } });
  const over = async (statusUrl: string) => {
    expect((await request.post(statusUrl.replace(/\/status$/, "/stop"), { data: {} })).status()).toBe(200);
    await expect.poll(async () => (await (await request.get(statusUrl)).json()).done, { timeout: 15_000 }).toBe(true);
  };

  const created = await call();
  expect(created.status()).toBe(201);
  const body = await created.json();
  expect(body).toEqual({ call_id: expect.stringMatching(/^[0-9a-f-]{36}$/), status_url: `/api/calls/${body.call_id}/status` });
  const status = await (await request.get(body.status_url)).json();
  expect(status).toMatchObject({ done: false, targetName: "Alex Rivera" });
  expect(JSON.stringify(status)).not.toContain("7946 0777");

  // While that call is live, asking again gets it back: never a second ring.
  const again = await call(crypto.randomUUID());
  expect(again.status()).toBe(200);
  expect((await again.json()).call_id).toBe(body.call_id);
  await over(body.status_url);

  const invalid = await request.post("/api/call", { data: { target_id: targetId, member_phone_number: "123" } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).errors).toEqual({ member_phone_number: "This isn't a valid phone number for United Kingdom." });

  const unknown = await request.post("/api/call", { form: { target_id: "00000000-0000-4000-8000-000000000000", member_phone_number: "+442079460777" }, headers: { Accept: "application/json" } });
  expect(unknown.status()).toBe(404);

  // The demo allows three calls per number per day; only calls placed count.
  for (let i = 0; i < 2; i++) {
    const next = await call();
    expect(next.status()).toBe(201);
    await over((await next.json()).status_url);
  }
  const limited = await call();
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).message).toMatch(/^You've reached the limit of calls for now\. Please try again in \d+ minutes?\.$/);
});

test("POST /api/call refuses odd input with a 4xx, never a 500", async ({ request }) => {
  // A target id that isn't a UUID: 422 for JSON, and back to the page with the error for a form.
  const json = await request.post("/api/call", { data: { target_id: "abc", member_phone_number: "+442079460776" } });
  expect(json.status()).toBe(422);
  expect((await json.json()).errors).toEqual({ target_id: "Choose who to call." });
  const form = await request.post("/api/call", { form: { target_id: "'; drop table calls; --", member_phone_number: "+442079460776", return_to: "/p/demo" }, maxRedirects: 0 });
  expect(form.status()).toBe(303);
  expect(form.headers().location).toMatch(/^\/p\/demo\?error=Choose\+who\+to\+call\.&sig=[\w-]{22}&field=target_id/);

  // A body over 16 kB is refused before it is read.
  const huge = await request.post("/api/call", { data: { target_id: "abc", member_phone_number: "1".repeat(20_000) } });
  expect(huge.status()).toBe(413);
  // A NUL byte in the number, and JSON that isn't an object.
  expect((await request.post("/api/call", { data: { target_id: "00000000-0000-4000-8000-000000000000", member_phone_number: "+44\u00002079460776" } })).status()).toBe(422);
  expect((await request.post("/api/call", { headers: { "Content-Type": "application/json" }, data: "[1,2" })).status()).toBe(400);
});
