import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { DEMO_ADMIN, signIn } from "./helpers";

test("the virtual phone and its API are closed to anyone but signed-in staff; the simulated REST API keeps its Basic auth", async ({ page, request, browser }) => {
  // Signed out: the page sends you to sign in, the API answers 401 in JSON.
  await page.goto("/dev/phone");
  await expect(page).toHaveURL(/\/signin/);
  for (const [method, url] of [["GET", "/dev/phone/api/calls"], ["PUT", "/dev/phone/api/numbers/%2B442079460123"], ["POST", "/dev/phone/api/calls/CA00000000000000000000000000000000/digits"], ["POST", "/dev/phone/api/test-call"]]) {
    const response = await request.fetch(url!, { method, data: {} });
    expect(response.status(), `${method} ${url}`).toBe(401);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining("Sign in") });
  }

  // A volunteer is refused: 403, page and API.
  const admin = await browser.newPage();
  await signIn(admin, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.goto("/admin/users");
  const invite = admin.locator("form", { has: admin.getByRole("heading", { name: "Invite someone" }) });
  await invite.getByLabel("Email").fill("dev-volunteer@example.org");
  await invite.getByLabel("Role").selectOption("volunteer");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  const link = (await admin.getByTestId("invitation-link").textContent())!;
  const volunteer = await (await browser.newContext()).newPage();
  await volunteer.goto(link);
  await volunteer.getByLabel("Your name").fill("Dev Volunteer");
  await volunteer.getByLabel("Choose a password").fill("volunteer password");
  await volunteer.getByLabel("Type it again").fill("volunteer password");
  await volunteer.getByRole("button", { name: "Create my account" }).click();
  await expect(volunteer).toHaveURL(/\/$/);
  const refused = await volunteer.goto("/dev/phone");
  expect(refused?.status()).toBe(403);
  expect((await volunteer.request.get("/dev/phone/api/calls")).status()).toBe(403);

  // Staff get in.
  await admin.goto("/dev/phone");
  await expect(admin.getByRole("heading", { name: "Virtual phone" })).toBeVisible();
  expect((await admin.request.get("/dev/phone/api/calls")).status()).toBe(200);

  // The REST API the app's Twilio client uses answers its account's Basic auth, and nothing else.
  const credentials = JSON.parse(fs.readFileSync(path.join(process.env.E2E_DATA_DIR!, "simulator-credentials.json"), "utf8")) as { accountSid: string; authToken: string };
  const calls = `/dev/twilio/2010-04-01/Accounts/${credentials.accountSid}/Calls.json`;
  const basic = (user: string, password: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` });
  expect((await request.get(calls, { headers: basic(credentials.accountSid, credentials.authToken) })).status()).toBe(200);
  expect((await request.get(calls, { headers: basic(credentials.accountSid, "wrong") })).status()).toBe(401);
  expect((await request.get(calls)).status()).toBe(401);
});
