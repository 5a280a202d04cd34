import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_ADMIN, openVirtualPhone, scriptNumber, signIn } from "./helpers";
import { callAlex } from "./member-steps";

const ALEX = "+442079460123";
const MENU = "Said: “Press 1 to be connected now. Press 2 to hear the message again.”";
const answers = { answer: "answer", answerAfter: 1 };

/** On the virtual phone, the member presses 1 once the menu is read to them (a key during the message only skips it). */
async function pressOneAtTheMenu(phone: Page, number: string) {
  // Earlier tests' calls to this number may still be listed under "Ended": only the live one is this call.
  const call = phone.getByRole("region", { name: /^Ringing and live/ }).getByRole("article", { name: `Call to ${number}` });
  await expect(call.getByText(MENU).first()).toBeVisible({ timeout: 40_000 });
  await call.getByRole("button", { name: "Press 1" }).click();
}

type Figures = { target: number[]; funnel: Record<string, number>; outcomes: Record<string, number> };

const number = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, "") || 0);

/** What the statistics say now: Alex Rivera's row, the funnel and the outcomes (other tests' calls are in them too, so the test compares before and after). */
async function readFigures(page: Page): Promise<Figures> {
  await page.goto("/admin/stats");
  const row = page.getByTestId("target-row").filter({ hasText: "Alex Rivera" });
  const target = (await row.count()) ? (await row.locator("td").allTextContents()).slice(1, 6).map(number) : [0, 0, 0, 0, 0];
  const pairs = async (testId: string) =>
    Object.fromEntries(
      await page
        .getByTestId(testId)
        .locator("tr")
        .evaluateAll((rows) => rows.map((tr) => [tr.querySelector("th")?.textContent ?? "", tr.querySelector("td")?.textContent ?? ""])),
    ) as Record<string, string>;
  const toNumbers = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, number(value)]));
  return { target, funnel: toNumbers(await pairs("funnel")), outcomes: toNumbers(await pairs("outcome-counts")) };
}

test("after calls that end in different ways, a campaigner sees them in the statistics, and what the member said afterwards @call-flow", async ({ browser, page }) => {
  test.setTimeout(150_000);
  const campaigner = await browser.newPage();
  await signIn(campaigner, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(campaigner).toHaveURL(/\/admin$/);
  const before = await readFigures(campaigner);
  const phone = await openVirtualPhone(browser);

  // 1. Alex's line is busy.
  await scriptNumber(phone, "+442079460931", answers);
  await scriptNumber(phone, ALEX, { answer: "busy" });
  let progress = await callAlex(page, "020 7946 0931");
  await pressOneAtTheMenu(phone, "+442079460931");
  await expect(progress.getByRole("status")).toHaveText(/line was busy/, { timeout: 40_000 });
  await expect(page.getByTestId("call-feedback")).toHaveCount(0); // nobody is asked how a call that didn't connect went

  // 2. The member doesn't answer.
  await scriptNumber(phone, "+442079460932", { answer: "no-answer" });
  progress = await callAlex(page, "020 7946 0932");
  // A missed call would be called back (the demo page's policy): the member stops that.
  await expect(progress.getByRole("status")).toHaveText(/We'll call you again in/, { timeout: 40_000 });
  await progress.getByRole("button", { name: "Stop calling me" }).click();
  await expect(progress.getByRole("status")).toHaveText(/You didn't answer/, { timeout: 40_000 });

  // 3. Alex answers and they talk for over 30 seconds; then the page asks how it went.
  await scriptNumber(phone, "+442079460933", answers);
  await scriptNumber(phone, ALEX, { answer: "answer", answerAfter: 2, hangupAfter: 40 });
  progress = await callAlex(page, "020 7946 0933");
  await pressOneAtTheMenu(phone, "+442079460933");
  await expect(progress.getByRole("status")).toHaveText(/You talked to Alex Rivera for/, { timeout: 60_000 });
  const feedback = page.getByTestId("call-feedback");
  await expect(feedback.getByRole("group", { name: "How did it go?" })).toBeVisible();
  await feedback.getByRole("radio", { name: "I left a voicemail" }).check();
  await feedback.getByLabel("Anything to add? (optional)").fill("Their office said to call back on Monday");
  await feedback.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("feedback-done")).toHaveText("Thank you for telling us.");

  // The public counter on the page, fetched after the cached page loads.
  await page.goto("/p/demo");
  await expect(page.getByTestId("call-counter")).toHaveText(/^[\d,]+ calls? made$/);

  // The campaigner's statistics moved by exactly these three calls.
  const after = await readFigures(campaigner);
  const [calls, connected, busy, noAnswer] = after.target.map((value, index) => value - before.target[index]!);
  expect({ calls, connected, busy, noAnswer }).toEqual({ calls: 3, connected: 1, busy: 1, noAnswer: 0 });
  // The funnel and the outcomes count every call: an earlier test's call whose last callback
  // arrives late (the disorderly simulator delays some) may be filed meanwhile. These three are
  // in them at least; Alex's row above is exact.
  const moved = (record: "funnel" | "outcomes", key: string) => (after[record][key] ?? 0) - (before[record][key] ?? 0);
  expect(moved("funnel", "Requested")).toBeGreaterThanOrEqual(3);
  expect(moved("funnel", "Member answered")).toBeGreaterThanOrEqual(2);
  expect(moved("funnel", "Pressed 1")).toBeGreaterThanOrEqual(2);
  expect(moved("funnel", "Target answered")).toBeGreaterThanOrEqual(1);
  expect(moved("funnel", "Talked over 30 s")).toBeGreaterThanOrEqual(1);
  expect(moved("outcomes", "connected to the target")).toBeGreaterThanOrEqual(1);
  expect(moved("outcomes", "target busy")).toBeGreaterThanOrEqual(1);
  expect(moved("outcomes", "member didn't answer")).toBeGreaterThanOrEqual(1);

  // What the member said, beside Twilio's figures.
  const alex = campaigner.getByTestId("target-row").filter({ hasText: "Alex Rivera" });
  await expect(alex).toContainText("Their office said to call back on Monday");

  // The charts are drawn, each with its figures in a table for screen readers.
  for (const chart of ["calls-per-day", "calls-per-week"]) {
    const figure = campaigner.getByTestId(chart);
    await expect(figure.locator(".recharts-bar-rectangle").first()).toBeVisible();
    const lastRow = figure.locator("table tbody tr").last();
    expect(number(await lastRow.locator("td").first().textContent())).toBeGreaterThanOrEqual(3);
  }
  await expect(campaigner.getByTestId("calls-per-day").getByRole("table")).toHaveCount(1);

  // The per-target table sorts by any column.
  const callsHeader = campaigner.getByTestId("target-table").getByRole("columnheader", { name: /^Calls/ });
  await expect(callsHeader).toHaveAttribute("aria-sort", "descending");
  await callsHeader.getByRole("button").click();
  await expect(callsHeader).toHaveAttribute("aria-sort", "ascending");
  const column = await campaigner.getByTestId("target-row").evaluateAll((rows) => rows.map((row) => Number(row.querySelectorAll("td")[1]?.textContent)));
  expect(column).toEqual([...column].sort((a, b) => a - b));

  // Narrowed to the demo page, from the picker.
  await campaigner.getByLabel("Show").selectOption({ label: "Tell your representative: protect the bees" });
  await campaigner.getByRole("button", { name: "Show" }).click();
  await expect(campaigner).toHaveURL(/scope=page%3A/);
  await expect(campaigner.getByTestId("target-row").filter({ hasText: "Alex Rivera" })).toBeVisible();
});
