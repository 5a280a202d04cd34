import { expect, test } from "./fixtures";
import { openVirtualPhone } from "./helpers";

test("scripted numbers read as sentences and reset one by one; the default test number is one a member page accepts", async ({ browser, page }) => {
  const phone = await openVirtualPhone(browser);
  const behaviour = phone.locator("form", { has: phone.getByRole("heading", { name: "How a number behaves" }) });
  await behaviour.getByLabel("Number", { exact: true }).fill("+442079460801");
  await behaviour.getByLabel("When it rings").selectOption("busy");
  await behaviour.getByRole("button", { name: "Save behaviour" }).click();
  await behaviour.getByLabel("Number", { exact: true }).fill("+442079460802");
  await behaviour.getByLabel("When it rings").selectOption("voicemail");
  await behaviour.getByRole("button", { name: "Save behaviour" }).click();
  const scripted = phone.getByRole("region", { name: "Scripted numbers" });
  await expect(scripted.getByText("+442079460801 will be busy.")).toBeVisible();
  await expect(scripted.getByText("+442079460802 will answer as voicemail after 2 s: its greeting lasts 8 s, then a beep, and nothing is recorded.")).toBeVisible();
  await scripted.getByRole("button", { name: "Reset +442079460801" }).click();
  await expect(scripted.getByText("+442079460801 will be busy.")).toHaveCount(0);
  await expect(scripted.getByText(/^\+442079460802 will answer as voicemail/)).toBeVisible();

  // The test call's default number goes through a campaign page's form too.
  const defaultNumber = await phone.getByLabel("Call this number").inputValue();
  await page.goto("/p/demo");
  await page.getByRole("radio", { name: /Alex Rivera/ }).check();
  await page.getByLabel("Your phone number").fill(defaultNumber);
  await page.getByRole("button", { name: "Call me now" }).click();
  await expect(page.getByTestId("call-progress")).toContainText("Calling +44 20… now");
  await expect(phone.getByRole("article", { name: `Call to ${defaultNumber}` })).toBeVisible();
});

test("a phone calls in to a URL of the app, hears its TwiML and presses a key @call-flow", async ({ browser, baseURL }) => {
  const phone = await openVirtualPhone(browser);
  const callIn = phone.locator("form", { has: phone.getByRole("heading", { name: "Call in" }) });
  // The starter number has no Voice URL yet: the form says so.
  await expect(callIn.getByLabel("To the account's number")).toHaveValue("+442079460000");
  await callIn.getByLabel("From this phone").fill("+442079460901");
  await callIn.getByRole("button", { name: "Call" }).click();
  await expect(callIn.getByRole("alert")).toContainText("+442079460000 has no Voice URL yet");

  await callIn.getByLabel("Or to this URL of the app").fill(`${baseURL}/twilio/test-call?step=start`);
  await callIn.getByRole("button", { name: "Call" }).click();
  const call = phone.getByRole("article", { name: "Call from +442079460901 to +442079460000" });
  await expect(call.getByText(/Said: “This is a Patchthrough test call/)).toBeVisible();
  await call.getByRole("button", { name: "Press 5" }).click();
  await expect(call.getByText("Said: “You pressed 5. Goodbye.”")).toBeVisible();
  await expect(call.getByTestId("call-status")).toHaveText("completed");
});

test("a caller ID verified on the virtual phone is listed as the account's", async ({ browser }) => {
  const phone = await openVirtualPhone(browser);
  const verify = phone.locator("form", { has: phone.getByRole("heading", { name: "Verify a caller ID" }) });
  await verify.getByLabel("Number to verify").fill("+44 20");
  await verify.getByRole("button", { name: "Verify" }).click();
  await expect(verify.getByRole("alert")).toContainText("international form");
  await verify.getByLabel("Number to verify").fill("+442079460888");
  await verify.getByRole("button", { name: "Verify" }).click();
  await expect(verify.getByRole("status")).toHaveText("+442079460888 is now a verified caller ID.");
  await expect(phone.getByRole("region", { name: "The account's numbers" }).getByText("+442079460888")).toBeVisible();
});
