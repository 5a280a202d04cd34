import { readSheet } from "../lib/csv/sheet";
import { expect, test } from "./fixtures";
import { DEMO_ADMIN, openVirtualPhone, scriptNumber, signIn } from "./helpers";
import { callAlex } from "./member-steps";

const ALEX = "+442079460123";
// Three calls that end three ways; their numbers share a tail no other spec uses, for the log's search.
const CONNECTED = "+442079460971";
const MISSED = "+442079460972";
const BUSY = "+442079460973";
const MENU = "Said: “Press 1 to be connected now. Press 2 to hear the message again.”";

// The campaigner's browser is in Paris: every time in the log says so.
test.use({ timezoneId: "Europe/Paris" });

test("a campaigner finds the calls in the log with their outcomes, reads a timeline in sentences, and downloads them as CSV @call-flow", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const phone = await openVirtualPhone(browser);
  // The member answers on the virtual phone and presses 1 once the menu plays, as a person does.
  const answerAndPress1 = async (number: string) => {
    const call = phone.getByRole("article", { name: `Call to ${number}` });
    await call.getByRole("button", { name: "Answer" }).click();
    await expect(call.getByText(MENU).first()).toBeVisible({ timeout: 30_000 });
    await call.getByRole("button", { name: "Press 1" }).click();
  };
  await scriptNumber(phone, ALEX, { answer: "answer", answerAfter: 1, hangupAfter: 12 });
  let progress = await callAlex(page, CONNECTED.replace("+44", "0"));
  await answerAndPress1(CONNECTED);
  await expect(progress.getByRole("status")).toHaveText(/^You talked to Alex Rivera for \d+ s\./, { timeout: 40_000 });

  await scriptNumber(phone, MISSED, { answer: "no-answer" });
  progress = await callAlex(page, MISSED.replace("+44", "0"));
  // A missed call would be called back (the demo page's policy): the member stops that.
  await expect(progress.getByRole("status")).toHaveText(/We'll call you again in/, { timeout: 30_000 });
  await progress.getByRole("button", { name: "Stop calling me" }).click();
  await expect(progress.getByRole("status")).toHaveText("You didn't answer, so the call has ended. We won't call you again.", { timeout: 30_000 });

  await scriptNumber(phone, ALEX, { answer: "busy" });
  progress = await callAlex(page, BUSY.replace("+44", "0"));
  await answerAndPress1(BUSY);
  // Offered another try, the member presses nothing: the call ends.
  await expect(progress.getByRole("status")).toHaveText("Alex Rivera's line was busy, so you weren't put through.", { timeout: 30_000 });

  const admin = await (await browser.newContext({ timezoneId: "Europe/Paris" })).newPage();
  await signIn(admin, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.goto("/admin/calls");
  await expect(admin.getByRole("columnheader", { name: "Time (Europe/Paris)" })).toBeVisible();
  const rows = admin.getByTestId("call-row");
  // Each call with its outcome, whatever other calls the log holds (their masked numbers end 71, 72, 73).
  const outcomeOf = (tail: string) => rows.filter({ hasText: `+4420******${tail}` }).getByTestId("call-outcome");
  await expect(outcomeOf("71")).toHaveText(/^connected, \d+ s of talk$/);
  // Live, the words say which call it was; once settled (a moment later), the outcome alone.
  await expect(outcomeOf("72")).toHaveText(/^member didn't answer( \(call 1 of 3\))?$/);
  await expect(outcomeOf("73")).toHaveText("target busy");

  // The search form: the number's last digits.
  await admin.getByLabel("Member's number ends in").fill("0972");
  await admin.getByRole("button", { name: "Show calls" }).click();
  await expect(admin).toHaveURL(/phone=0972/);
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId("call-outcome")).toHaveText(/^member didn't answer( \(call 1 of 3\))?$/);

  // Filtered by outcome, only the connected one of these numbers.
  // (Outcomes are filed by a job a moment after the call ends: look again until it has run.)
  await admin.goto("/admin/calls?phone=0971");
  await admin.getByLabel("Outcome").selectOption("connected");
  await admin.getByRole("button", { name: "Show calls" }).click();
  await expect(admin).toHaveURL(/outcome=connected/);
  await expect(async () => {
    await admin.reload();
    await expect(rows).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // Its timeline reads as sentences; the ids wait behind "details".
  await rows.first().getByRole("link").click();
  await expect(admin).toHaveURL(/\/admin\/calls\/[0-9a-f-]{36}$/);
  await expect(admin.getByRole("heading", { name: "What happened (times in Europe/Paris)" })).toBeVisible();
  const timeline = admin.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByTestId("timeline-text")).toContainText([
    "Asked Twilio to call the member",
    "Member's phone rang",
    "Member answered",
    "Message started playing",
    "Pressed 1",
    "Calling Alex Rivera",
    "Alex Rivera answered",
    /^Talked with Alex Rivera for \d+ s$/,
    /^Call ended after \d+ s of talk$/,
  ]);
  await expect(timeline.getByTestId("timeline-entry").first()).toContainText(/^\d\d:\d\d:\d\d Asked Twilio to call the member/);
  await expect(admin.getByText("CallSid", { exact: false }).first()).toBeHidden();
  await timeline.getByText("details").first().click();
  await expect(timeline.getByText("Member call id (CallSid)").first()).toBeVisible();

  // The CSV holds the same calls, outcomes and all.
  await admin.goto("/admin/calls");
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "Download CSV" }).click()]);
  const bytes = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(bytes).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const sheet = readSheet(text);
  const column = (name: string) => sheet.header!.cells.indexOf(name);
  const mine = sheet.records.filter((record) => /^\+4420\*{6}7[123]$/.test(record.cells[column("member")]!));
  expect(mine.map((record) => [record.cells[column("member")], record.cells[column("outcome_code")], record.cells[column("target")]])).toEqual([
    ["+4420******73", "target-busy", "Alex Rivera"],
    ["+4420******72", "member-no-answer", "Alex Rivera"],
    ["+4420******71", "connected", "Alex Rivera"],
  ]);
  expect(Number(mine[2]!.cells[column("talk_seconds")])).toBeGreaterThan(0);
  // Every row of the log is in the file, in the same order.
  expect(sheet.records.map((record) => record.cells[column("call_id")])).toEqual(
    await rows.evaluateAll((shown) => shown.map((row) => row.querySelector("a")!.getAttribute("href")!.split("/").pop())),
  );

  // At phone width the log is a list of cards: nothing scrolls sideways, the outcome is in view.
  await admin.setViewportSize({ width: 375, height: 800 });
  await expect(rows.first()).toBeHidden();
  const cards = admin.getByTestId("call-card");
  await expect(cards.filter({ hasText: "+4420******73" })).toContainText("Alex Rivera: target busy");
  expect(await admin.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
