import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_ADMIN, openVirtualPhone, scriptNumber, signIn } from "./helpers";
import { MENU, recordStatuses } from "./member-steps";


test("a member calls their representative: the phone rings, they press 1 in the menu, they talk, and the page only moves forward @call-flow", async ({ browser, page }) => {
  // The member's phone, on the virtual phone page (staff only). The representative answers by themself, talks for a while, and hangs up first.
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
  const seen = await recordStatuses(page);
  await page.getByRole("button", { name: "Call me now" }).click();
  const progress = page.getByTestId("call-progress");
  await expect(progress).toContainText("Calling +44 20… now");

  const member = phone.getByRole("article", { name: "Call to +442079460999" });
  await member.getByRole("button", { name: "Answer" }).click();
  await expect(progress).toContainText("Answered: listening to the message.");
  await expect(member.getByText(MENU).first()).toBeVisible();
  await member.getByRole("button", { name: "Press 1" }).click();
  await expect(progress).toContainText("Connected to Alex Rivera. Thank you for speaking up!");
  await expect(phone.getByRole("article", { name: "Call to +442079460123" }).getByText("Talking with +442079460999")).toBeVisible();
  await expect(progress).toContainText(/You talked to Alex Rivera for \d+ s\. Thank you for calling!/, { timeout: 20_000 });
  await expect(page.getByRole("link", { name: "What to do next" })).toHaveAttribute("href", "https://example.org/thank-you?target=Alex+Rivera");
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);

  // Every state the page showed, in order: never an earlier one after a later one.
  await page.waitForTimeout(2000);
  const order = [/^Placing your call…$/, /^Calling \+44 20… now/, /^Answered: listening/, /^Connecting you to Alex Rivera/, /^Connected to Alex Rivera/, /^You talked to Alex Rivera/];
  const indexes = (await seen()).map((text) => order.findIndex((pattern) => pattern.test(text)));
  expect(indexes).not.toContain(-1);
  expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  expect(indexes.at(-1)).toBe(order.length - 1);

  // The call as the campaign team sees it: the outcome, both phones, and what happened in sentences.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.goto("/admin/calls");
  const row = admin.getByTestId("call-row").first();
  await expect(row).toContainText("Alex Rivera");
  await expect(row).toContainText(/connected, \d+ s of talk/);
  await row.getByRole("link").click();
  await expect(admin).toHaveURL(/\/admin\/calls\/[0-9a-f-]{36}$/);
  await expect(admin.getByTestId("call-outcome")).toHaveText(/^connected, \d+ s of talk$/);
  await expect(admin.getByTestId("call-member-s-phone")).toHaveText("answered");
  await expect(admin.getByTestId("call-target-s-phone")).toHaveText("answered");
  const timeline = admin.getByRole("list", { name: "Timeline" }).getByTestId("timeline-text");
  await expect(timeline).toContainText(["Member's phone rang", "Member answered", "Pressed 1", "Calling Alex Rivera", "Alex Rivera answered", /Talked with Alex Rivera for \d+ s/, /Call ended after \d+ s of talk/]);
});

async function noScriptPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ javaScriptEnabled: false })).newPage();
}

test("the call form works without JavaScript, and its status page says where the call is @call-flow", async ({ browser }) => {
  const page = await noScriptPage(browser);
  await page.goto("/p/demo");
  // No target chosen: the same words as with JavaScript, as an alert tied to the choices.
  await page.getByLabel("Your phone number").fill("020 7946 0998");
  await page.getByRole("button", { name: "Call me now" }).click();
  await expect(page).toHaveURL(/\/p\/demo\?/);
  const choices = page.getByRole("group", { name: "Who do you want to call?" });
  await expect(choices.getByRole("alert")).toHaveText("Choose who to call.");
  await expect(choices).toHaveAttribute("aria-describedby", "target_id-error");
  // Only the app's own errors are shown: a crafted link can't put words on the campaign's page.
  await page.goto("/p/demo?error=Donate+by+calling+0900+000000&field=form");
  await expect(page.getByText("Donate by calling")).toHaveCount(0);
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
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tell your representative: protect the bees");
  await expect(page.getByTestId("status-target")).toHaveText("Sam Okafor");
  await expect(page.getByRole("heading", { name: "Talking points" })).toBeVisible();
  await expect(page).toHaveTitle(/Calling \+1 202… now\. Answer your phone! · Tell your representative: protect the bees/);
});

test("the embedded form without JavaScript stays inside the frame @call-flow", async ({ browser }) => {
  // The call tool's id, as a partner copies it from the editor's <iframe> snippet.
  const member = await noScriptPage(browser);
  await member.goto("/p/demo");
  const pluginId = (await member.locator("section[aria-labelledby^='call-tool-']").getAttribute("aria-labelledby"))!.replace("call-tool-", "");

  await scriptNumber(await openVirtualPhone(browser), "+442079460997", { answer: "busy" });
  await member.goto(`/embed/${pluginId}`);
  await member.getByRole("button", { name: "Call me now" }).click();
  await expect(member).toHaveURL(new RegExp(`/embed/${pluginId}\\?`));
  await expect(member.getByRole("group", { name: "Who do you want to call?" }).getByRole("alert")).toHaveText("Choose who to call.");
  await member.getByRole("radio", { name: /Alex Rivera/ }).check();
  await member.getByLabel("Your phone number").fill("020 7946 0997");
  await member.getByRole("button", { name: "Call me now" }).click();
  await expect(member).toHaveURL(new RegExp(`/embed/${pluginId}/calls/[0-9a-f-]{36}$`));
  const response = await member.request.get(member.url());
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors *");
  // A busy line is called back; without JavaScript the member stops that with a form, and stays in the frame.
  await expect(member.getByRole("status")).toHaveText(/^We couldn't reach you\. We'll call you again in [12]:\d\d, attempt 2 of 3\.$/, { timeout: 15_000 });
  await member.getByRole("button", { name: "Stop calling me" }).click();
  await expect(member).toHaveURL(new RegExp(`/embed/${pluginId}/calls/[0-9a-f-]{36}$`));
  await expect(member.getByRole("status")).toHaveText("Your line was busy, so the call has ended. We won't call you again.", { timeout: 15_000 });
  await member.getByRole("link", { name: "Try again" }).click();
  await expect(member).toHaveURL(new RegExp(`/embed/${pluginId}$`));
});
