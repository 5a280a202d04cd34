import { expect, test } from "./fixtures";
import { openVirtualPhone, scriptNumber } from "./helpers";

/** The target id of the demo page's first target, read from its form as a partner's site would. */
async function demoTargetId(page: import("@playwright/test").Page): Promise<string> {
  await page.goto("/p/demo");
  return (await page.getByRole("radio", { name: /Alex Rivera/ }).getAttribute("value"))!;
}

test("POST /api/call answers JSON clients with 201, 422, 404 and 429 with Retry-After @call-flow", async ({ browser, page, request }) => {
  const targetId = await demoTargetId(page);
  // The member's phone never answers: these calls end by themselves.
  await scriptNumber(await openVirtualPhone(browser), "+442079460777", { answer: "no-answer" });

  const created = await request.post("/api/call", { data: { target_id: targetId, member_phone_number: "+44 20 7946 0777" } });
  expect(created.status()).toBe(201);
  const body = await created.json();
  expect(body).toEqual({ call_id: expect.stringMatching(/^[0-9a-f-]{36}$/), status_url: `/api/calls/${body.call_id}/status` });
  const status = await (await request.get(body.status_url)).json();
  expect(status).toMatchObject({ stage: "calling", done: false, message: "Calling +44 20… now. Answer your phone!", targetName: "Alex Rivera" });
  expect(JSON.stringify(status)).not.toContain("7946 0777");

  const invalid = await request.post("/api/call", { data: { target_id: targetId, member_phone_number: "123" } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).errors).toEqual({ member_phone_number: "This isn't a valid phone number for United Kingdom." });

  const unknown = await request.post("/api/call", { form: { target_id: "00000000-0000-4000-8000-000000000000", member_phone_number: "+442079460777" }, headers: { Accept: "application/json" } });
  expect(unknown.status()).toBe(404);

  // The demo allows three calls per number per day.
  for (let i = 0; i < 2; i++) expect((await request.post("/api/call", { data: { target_id: targetId, member_phone_number: "+442079460777" } })).status()).toBe(201);
  const limited = await request.post("/api/call", { data: { target_id: targetId, member_phone_number: "+442079460777" } });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited.json()).message).toMatch(/^You've reached the limit of calls for now\. Please try again in \d+ minutes?\.$/);
});
