import { expect, test } from "./fixtures";
import { DEMO_ADMIN, openVirtualPhone, scriptNumber, signIn } from "./helpers";

const MEMBER = "+442079460951";
const MENU = "Said: “Press 1 to be connected now. Press 2 to hear the message again.”";

test("without JavaScript, a member who talked to the target answers “How did it go?” on the status page, and the campaigner reads it @call-flow", async ({ browser }) => {
  test.setTimeout(120_000);
  const phone = await openVirtualPhone(browser);
  await scriptNumber(phone, MEMBER, { answer: "answer", answerAfter: 1 });
  await scriptNumber(phone, "+442079460123", { answer: "answer", answerAfter: 1, hangupAfter: 4 });

  const member = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await member.goto("/p/demo");
  await member.getByRole("radio", { name: /Alex Rivera/ }).check();
  await member.getByLabel("Your phone number").fill("020 7946 0951");
  await member.getByRole("button", { name: "Call me now" }).click();
  await expect(member).toHaveURL(/\/p\/demo\/calls\/[0-9a-f-]{36}$/);
  // No question while the call goes on.
  await expect(member.getByTestId("call-feedback")).toHaveCount(0);

  const call = phone.getByRole("region", { name: /^Ringing and live/ }).getByRole("article", { name: `Call to ${MEMBER}` });
  await expect(call.getByText(MENU).first()).toBeVisible({ timeout: 40_000 });
  await call.getByRole("button", { name: "Press 1" }).click();

  // The page refreshes itself until the call is over.
  await expect(member.getByRole("status")).toHaveText(/You talked to Alex Rivera for/, { timeout: 60_000 });
  const form = member.getByTestId("call-feedback");
  await expect(form.getByRole("group", { name: "How did it go?" })).toBeVisible();

  // Sent without an answer: the error is at the answers, and nothing is stored.
  await form.getByRole("button", { name: "Send" }).click();
  await expect(member).toHaveURL(/\?feedback=answer#feedback$/);
  const answers = member.getByRole("group", { name: "How did it go?" });
  await expect(answers.getByRole("alert")).toHaveText("Choose one of the answers.");
  await expect(answers).toHaveAttribute("aria-describedby", "feedback-answer-error");

  await answers.getByRole("radio", { name: "I spoke to someone" }).check();
  await member.getByLabel("Anything to add? (optional)").fill("No-script member: the aide took a note");
  await member.getByRole("button", { name: "Send" }).click();
  await expect(member.getByTestId("feedback-done")).toHaveText("Thank you for telling us.");

  // A second answer for the same call is refused; the first one stays.
  const statusPage = member.url().replace(/\?.*$/, "");
  await member.goto(statusPage);
  await member.getByRole("radio", { name: "I couldn't get through" }).check();
  await member.getByRole("button", { name: "Send" }).click();
  await expect(member.getByTestId("feedback-done")).toHaveText("We already have your answer. Thank you.");
  // Only the app's own words: an unknown state shows the plain question.
  await member.goto(`${statusPage}?feedback=Call+0900+now`);
  await expect(member.getByText("Call 0900")).toHaveCount(0);
  await expect(member.getByRole("group", { name: "How did it go?" })).toBeVisible();

  const campaigner = await browser.newPage();
  await signIn(campaigner, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(campaigner).toHaveURL(/\/admin$/);
  await campaigner.goto("/admin/stats");
  const alex = campaigner.getByTestId("target-row").filter({ hasText: "Alex Rivera" });
  await expect(alex).toContainText("No-script member: the aide took a note");
});
