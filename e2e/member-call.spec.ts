import { expect, test } from "./fixtures";
import { DEMO_ADMIN, openVirtualPhone, scriptNumber, signIn } from "./helpers";

test("a member calls their representative: the phone rings, they press 1, they're connected @call-flow", async ({ browser, page }) => {
  // The member's phone, on the virtual phone page (staff only). The representative answers by themself, talks for a while, hangs up.
  const phone = await openVirtualPhone(browser);
  await scriptNumber(phone, "+442079460123", { answer: "answer", answerAfter: 2, hangupAfter: 20 });

  await page.goto("/p/demo");
  await expect(page.getByRole("heading", { name: "Talking points" })).toBeVisible();
  await page.getByRole("radio", { name: /Alex Rivera/ }).check();
  await page.getByLabel("Your phone number").fill("12");
  await page.getByLabel("Your phone number").blur();
  await expect(page.getByText("This isn't a valid phone number for United Kingdom.")).toBeVisible();
  await page.getByLabel("Your phone number").fill("020 7946 0999");
  await expect(page.getByText("This isn't a valid phone number for United Kingdom.")).toHaveCount(0);
  await page.getByRole("button", { name: "Call me now" }).click();
  const progress = page.getByTestId("call-progress");
  await expect(progress).toContainText("Calling +44 20… now");

  const member = phone.getByRole("article", { name: "Call to +442079460999" });
  await member.getByRole("button", { name: "Answer" }).click();
  await expect(progress).toContainText("Answered: listening to the message.");
  await member.getByRole("button", { name: "Press 1" }).click();
  await expect(progress).toContainText("Connected. Thank you for speaking up!");
  await expect(phone.getByRole("article", { name: "Call to +442079460123" }).getByText("Talking with +442079460999")).toBeVisible();
  await expect(progress).toContainText(/Call ended \(\d+ s\)\./, { timeout: 20_000 });
  await expect(page.getByText("Thank you for calling Alex Rivera!")).toBeVisible();
  await expect(page.getByRole("link", { name: "What to do next" })).toHaveAttribute("href", "https://example.org/thank-you?target=Alex+Rivera");

  // The call as the campaign team sees it: all three machines.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.goto("/admin/calls");
  const row = admin.getByTestId("call-row").first();
  await expect(row).toContainText("Alex Rivera");
  await expect(row).toContainText(/connected \d+ s/);
  await row.getByRole("link").click();
  await expect(admin.getByTestId("call-call-status")).toHaveText("connected");
  await expect(admin.getByTestId("call-member-leg")).toHaveText("completed");
  await expect(admin.getByTestId("call-target-leg-dialcallstatus-")).toHaveText("completed");
  await expect(admin.getByRole("list", { name: "Member leg events" }).getByRole("listitem")).toHaveText([/initiated/, /ringing/, /in-progress/, /completed/]);
});

test("the call form works without JavaScript @call-flow", async ({ browser }) => {
  const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await page.goto("/p/demo");
  await page.getByRole("radio", { name: /Sam Okafor/ }).check();
  await page.getByLabel("Country").selectOption("US");
  await page.getByLabel("Your phone number").fill("555");
  await page.getByRole("button", { name: "Call me now" }).click();
  await expect(page).toHaveURL(/\/p\/demo\?/);
  await expect(page.getByText("This isn't a valid phone number for United States.")).toBeVisible();
  await expect(page.getByLabel("Your phone number")).toHaveValue("555");

  await page.getByLabel("Your phone number").fill("(202) 555-0188");
  await page.getByRole("button", { name: "Call me now" }).click();
  await expect(page).toHaveURL(/\/p\/demo\/calls\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("status")).toHaveText("Calling +1 202… now. Answer your phone!");
});
