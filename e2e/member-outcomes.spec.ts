import { expect, test } from "./fixtures";
import { openVirtualPhone, scriptNumber } from "./helpers";
import { callAlex, MENU } from "./member-steps";

const ALEX = "+442079460123";

// Each way a call can end shows its own words; wherever the representative wasn't
// reached there is no thanks and no follow-up link, but a way to try again.
// The simulator runs four times faster than life (playwright.config.ts).
const outcomes: [string, string, Record<string, unknown>, Record<string, unknown> | null, RegExp][] = [
  ["the member doesn't answer", "+442079460901", { answer: "no-answer" }, null, /^You didn't answer, so the call has ended\.$/],
  ["the member's line is busy", "+442079460902", { answer: "busy" }, null, /^Your line was busy, so the call has ended\.$/],
  ["the representative's line is busy", "+442079460903", { answer: "answer", answerAfter: 1, pressOnMenu: "1" }, { answer: "busy" }, /^Alex Rivera's line was busy, so you weren't put through\.$/],
  ["the representative doesn't pick up", "+442079460904", { answer: "answer", answerAfter: 1, pressOnMenu: "1" }, { answer: "no-answer" }, /^Alex Rivera didn't pick up, so you weren't put through\.$/],
  ["the member hangs up during the message", "+442079460905", { answer: "answer", answerAfter: 1, hangupAfter: 4 }, null, /^You hung up before being put through\.$/],
  ["the member never makes a choice", "+442079460906", { answer: "answer", answerAfter: 1 }, null, /^We didn't get a valid choice on the phone, so the call ended\.$/],
];

for (const [name, number, member, target, message] of outcomes) {
  test(`when ${name}, the page says so and offers to try again @call-flow`, async ({ browser, page }) => {
    const phone = await openVirtualPhone(browser);
    if (target) await scriptNumber(phone, ALEX, target);
    const { pressOnMenu, ...behavior } = member;
    await scriptNumber(phone, number, behavior);
    const progress = await callAlex(page, number.replace("+44", "0"));
    if (pressOnMenu) {
      // As a person does: on hearing the menu, while it listens (a key pressed at any other time is lost, as on Twilio).
      const call = phone.getByRole("article", { name: `Call to ${number}` });
      await expect(call.getByText(MENU).first()).toBeVisible({ timeout: 20_000 });
      await call.getByRole("button", { name: `Press ${String(pressOnMenu)}` }).click();
    }
    await expect(progress.getByRole("status")).toHaveText(message, { timeout: 30_000 });
    await expect(progress).not.toContainText(/thank/i);
    await expect(page.getByRole("link", { name: "What to do next" })).toHaveCount(0);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("button", { name: "Call me now" })).toBeVisible();
  });
}

test("a call Twilio won't place says why, at the number or for the whole form @call-flow", async ({ browser, page }) => {
  // Twilio's magic test number for an invalid number, let through in simulator mode.
  await page.goto("/p/demo");
  await page.getByRole("radio", { name: /Sam Okafor/ }).check();
  await page.getByLabel("Country").selectOption("US");
  await page.getByLabel("Your phone number").fill("500 555 0001");
  await page.getByRole("button", { name: "Call me now" }).click();
  await expect(page.getByText("The call couldn't be made: this number isn't valid")).toBeVisible();

  // An unverified caller ID is the campaign's problem, not the member's number.
  await scriptNumber(await openVirtualPhone(browser), "+442079460907", { answer: "refuse", refuseCode: 21210 });
  await callAlex(page, "020 7946 0907");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^The call couldn't be made: this campaign's caller ID isn't verified/);
  await expect(page.getByLabel("Your phone number")).not.toHaveAttribute("aria-invalid", "true");
});

test("with JavaScript, no target chosen is an alert tied to the choices, in the same words", async ({ page }) => {
  await page.goto("/p/demo");
  await page.getByLabel("Your phone number").fill("020 7946 0908");
  await page.getByRole("button", { name: "Call me now" }).click();
  const choices = page.getByRole("group", { name: "Who do you want to call?" });
  await expect(choices.getByRole("alert")).toHaveText("Choose who to call.");
  await expect(choices).toHaveAttribute("aria-describedby", "target_id-error");
});
