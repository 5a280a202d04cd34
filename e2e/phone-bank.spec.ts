import { expect, test } from "./fixtures";
import { DEMO_ADMIN, scriptNumber, signIn, signInAsNew } from "./helpers";

const DIAL_IN = "+442079460010";
const VOLUNTEER_PHONE = "+447700900777";

test("a volunteer dials in with their code and is put through to lead after lead @call-flow", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(admin).toHaveURL(/\/admin$/);

  // The campaigner points the demo phone bank's number at the app.
  await admin.goto("/admin/phone-banks");
  await admin.getByRole("link", { name: /Demo phone bank/ }).click();
  await expect(admin.getByRole("heading", { name: "Volunteers", exact: true })).toBeVisible();
  const bankPath = new URL(admin.url()).pathname.replace("/admin/phone-banks/", "/phone-bank/");
  await admin.getByRole("button", { name: /Use this number for phone banks|Connect it again/ }).click();
  await expect(admin.getByText(`${DIAL_IN} now rings the phone bank.`)).toBeVisible();
  await admin.reload();
  await expect(admin.getByTestId("inbound-routing")).toHaveText("Connected: calls to this number reach the phone bank.");

  // A volunteer joins and gets a code; volunteers never see /admin.
  const volunteer = await signInAsNew(browser, "camille.bank@example.org", "volunteer");
  expect((await volunteer.goto("/admin"))?.status()).toBe(403);
  await volunteer.goto(bankPath);
  await volunteer.getByRole("button", { name: "Join this phone bank" }).click();
  const status = volunteer.getByTestId("console-status");
  await expect(status).toHaveText("Waiting for your call: dial the number below and enter your code.");
  const code = (await volunteer.getByTestId("access-code").textContent())!.trim();
  expect(code).toMatch(/^\d{6}$/);
  await expect(volunteer.getByRole("button", { name: "Call next lead" })).toBeDisabled();
  await expect(volunteer.getByRole("link", { name: "Dial in from the virtual phone" })).toBeVisible();

  // The campaigner watches the live view in another tab.
  const live = await admin.context().newPage();
  await live.goto(bankPath.replace("/phone-bank/", "/admin/phone-banks/"));
  await expect(live.getByRole("list", { name: "Volunteers online" })).toContainText("Camille: Waiting for your call");

  // The virtual phone (staff only): the first lead answers by themself and hangs up after a while; the second just rings.
  const phone = admin;
  await scriptNumber(phone, "+442079460501", { answer: "answer", answerAfter: 2, hangupAfter: 40 });
  await scriptNumber(phone, "+442079460502", { answer: "manual" });
  await phone.goto("/dev/phone");
  const callIn = phone.locator("form", { has: phone.getByRole("heading", { name: "Call in" }) });
  await callIn.getByLabel("From this phone").fill(VOLUNTEER_PHONE);
  await callIn.getByLabel("To the account's number").selectOption(DIAL_IN);
  await callIn.getByRole("button", { name: "Call" }).click();
  const line = phone.getByRole("article", { name: `Call from ${VOLUNTEER_PHONE} to ${DIAL_IN}` });
  await expect(line.getByRole("list", { name: "What the line heard" })).toContainText("Welcome to the phone bank.");
  for (const digit of code) await line.getByRole("button", { name: `Press ${digit}` }).click();

  await expect(status).toHaveText("You're connected: ready.");
  await volunteer.getByRole("button", { name: "Call next lead" }).click();
  await expect(status).toHaveText(/^(Calling|Ringing) Alex Morgan…$/);
  await expect(status).toHaveText("Connected to Alex Morgan.", { timeout: 20_000 });
  await expect(volunteer.getByRole("heading", { name: "Alex Morgan" })).toBeVisible();
  await expect(volunteer.getByLabel("About this lead")).toContainText("Northfield");
  await expect(volunteer.getByRole("heading", { name: "Script" })).toBeVisible();
  // Both legs bridged on the virtual phone, and the campaigner sees it live.
  await expect(phone.getByRole("article", { name: "Call to +442079460501" }).getByText(/Talking with/)).toBeVisible();
  await expect(live.getByRole("list", { name: "Calls in progress" })).toContainText("Alex Morgan (talking) with Camille");
  await expect(live.getByRole("list", { name: "Volunteers online" })).toContainText("Camille: Connected to Alex Morgan.");

  // The lead hangs up; the volunteer records the outcome with auto-connect on, and the next lead is dialled.
  await expect(status).toHaveText("Call ended: choose an outcome for Alex Morgan.", { timeout: 20_000 });
  await volunteer.getByLabel(/Auto-connect/).check();
  await expect(volunteer.getByText("Auto-connect is on.")).toBeVisible();
  await volunteer.getByRole("radio", { name: "Supportive" }).check();
  await volunteer.getByLabel("Notes").fill("Will come to the meeting");
  await volunteer.getByRole("button", { name: "Save outcome" }).click();
  await expect(status).toHaveText(/^(Calling|Ringing) Bea Kowalski…$/);
  await expect(phone.getByRole("article", { name: "Call to +442079460502" })).toBeVisible();

  // The campaigner's live view followed along.
  await expect(live.getByRole("list", { name: "Outcomes so far" })).toContainText("Supportive: 1");
  await expect(live.getByTestId("leads-reached")).toHaveText("1");
});
