import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_ADMIN, openVirtualPhone, scriptNumber, signIn } from "./helpers";
import { callAlex } from "./member-steps";

const MENU = "Said: “Press 1 to be connected now. Press 2 to hear the message again.”";
const MEMBER = "+442079460941";

/** The demo call tool's settings form, as its campaigner edits it. */
async function demoSettings(admin: Page) {
  await admin.goto("/admin/pages");
  await admin.getByRole("link", { name: "Tell your representative: protect the bees" }).click();
  await admin.getByRole("region", { name: "On this page" }).getByRole("link", { name: "Call your representative" }).click();
  return admin.locator("form", { has: admin.getByRole("heading", { name: "Settings" }) });
}

async function saveRecall(admin: Page, minutes: string, seconds: string) {
  const settings = await demoSettings(admin);
  await settings.getByLabel("Minutes between calls").fill(minutes);
  await settings.getByLabel("Seconds each call rings").fill(seconds);
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Settings saved.")).toBeVisible();
}

// The recall waits a real minute (the shortest delay a campaigner may set): the simulator's
// speed doesn't shorten the job queue's clock.
test("a member misses the call, sees the countdown, answers the call back and is connected @call-flow", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(admin).toHaveURL(/\/admin$/);

  // The campaigner's policy: a ring of a minute is refused at its field; a minute between calls is kept.
  const settings = await demoSettings(admin);
  await expect(settings.getByText("Call them back (3 calls, 2 minutes apart)")).toBeVisible();
  await settings.getByLabel("Seconds each call rings").fill("60");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Under a minute: Twilio reroutes longer rings abroad, where they show as an anonymous number")).toBeVisible();
  await expect(settings.getByLabel("Seconds each call rings")).toHaveAttribute("aria-invalid", "true");
  await saveRecall(admin, "1", "20");

  try {
    const phone = await openVirtualPhone(browser);
    await scriptNumber(phone, "+442079460123", { answer: "answer", answerAfter: 1, hangupAfter: 12 });
    const progress = await callAlex(page, MEMBER.replace("+44", "0"));
    await expect(progress).toContainText("Calling +44 20… now");

    // The phone rings on the virtual phone, and nobody answers it.
    const calls = phone.getByRole("article", { name: `Call to ${MEMBER}` });
    await expect(calls.getByRole("button", { name: "Answer" })).toBeVisible();
    const status = progress.getByRole("status");
    await expect(status).toHaveText(/^We couldn't reach you\. We'll call you again in [01]:\d\d, attempt 2 of 3\.$/, { timeout: 30_000 });
    await expect(progress.getByRole("button", { name: "Stop calling me" })).toBeVisible();
    // It counts down.
    const countdown = async () => {
      const [minutes, seconds] = (/in (\d+):(\d\d)/.exec((await status.textContent()) ?? "") ?? []).slice(1).map(Number);
      return minutes! * 60 + seconds!;
    };
    const first = await countdown();
    await page.waitForTimeout(2500);
    expect(await countdown()).toBeLessThan(first);

    // The call back rings: the member answers it and presses 1.
    const recall = calls.filter({ has: phone.getByRole("button", { name: "Answer" }) });
    await expect(recall).toHaveCount(1, { timeout: 90_000 });
    await expect(status).toHaveText(/^Calling \+44 20… again, attempt 2 of 3\. Answer your phone!$/);
    await recall.getByRole("button", { name: "Answer" }).click();
    await expect(status).toHaveText("Answered: listening to the message.");
    // The first call was never answered: only the call back hears the menu.
    const answered = calls.filter({ hasText: MENU });
    await expect(answered.getByText(MENU).first()).toBeVisible({ timeout: 30_000 });
    await answered.getByRole("button", { name: "Press 1" }).click();
    await expect(status).toContainText("Connected to Alex Rivera");
    await expect(status).toHaveText(/^You talked to Alex Rivera for \d+ s\. Thank you for calling!$/, { timeout: 30_000 });

    // The campaigner sees both attempts, and the outcome on the second.
    await admin.goto("/admin/calls");
    const row = admin.getByTestId("call-row").first();
    await expect(row.getByTestId("call-outcome")).toHaveText(/^connected/);
    await expect(row.locator("td").last()).toHaveText("2"); // the attempts it took: answered on the recall
    await row.getByRole("link").click();
    await expect(admin.getByTestId("attempt-1")).toContainText(/Attempt 1\s*placed, no-answer \(no answer\)/);
    await expect(admin.getByTestId("attempt-2")).toContainText(/Recall 2\s*placed, completed \(answered\)/);
  } finally {
    await saveRecall(admin, "2", "30");
  }
});
