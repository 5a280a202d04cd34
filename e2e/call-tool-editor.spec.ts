import path from "node:path";
import { expect, test } from "./fixtures";
import { signInAsNewCampaigner } from "./helpers";

const csv = (rows: string[]) => Buffer.from(["name,title,phone,country,party", ...rows].join("\n"));
const ADA = "Ada Lovelace,MP for Marylebone,+44 20 7946 0018,GB,Analytical";
const CLEM = "\"Poésy, Clémence\",MP for Hackney,020 7946 0991,GB,Green";

test("a campaigner builds a call tool page and publishes it", async ({ browser }) => {
  const page = await signInAsNewCampaigner(browser, "camille@example.org");

  // A page.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Pages" }).click();
  await page.getByRole("link", { name: "New page" }).click();
  await page.getByLabel("Title").fill("Save the Bees");
  await expect(page.getByLabel("Web address")).toHaveValue("save-the-bees");
  await page.getByRole("button", { name: "Create page" }).click();
  await expect(page.getByRole("heading", { name: "Save the Bees" })).toBeVisible();
  await page.getByLabel("Page text (Markdown)").fill("Pesticides are killing **bees**.\n\n<script>alert('x')</script>");
  await page.getByRole("button", { name: "Save page" }).click();
  await expect(page.getByText("Page saved.")).toBeVisible();

  // A call tool on it.
  await page.getByRole("button", { name: "Add plugin" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await page.getByLabel("Talking points (Markdown)").fill("- Ask them to vote **for** the Bee Act");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();

  // Targets from a spreadsheet: one bad row is refused, nothing saved.
  const file = page.getByLabel("Targets file (CSV)");
  await file.setInputFiles({ name: "targets.csv", mimeType: "text/csv", buffer: csv([ADA, "Bob Hope,Senator,+1 415 555 0123,GB,Blue", CLEM]) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "row 3: phone number is not valid for GB" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Targets (0)" })).toBeVisible();

  await file.setInputFiles({ name: "targets.csv", mimeType: "text/csv", buffer: csv([ADA, CLEM]) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("2 added, 0 changed, 0 removed");
  await page.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByText("Imported 2 targets.")).toBeVisible();
  await expect(page.getByTestId("target-row")).toHaveCount(2);
  await expect(page.getByLabel("Name of target 2")).toHaveValue("Poésy, Clémence");
  await expect(page.getByLabel("party of target 1")).toHaveValue("Analytical");

  // A renamed text file is refused; a real MP3 is kept and plays.
  const message = page.getByTestId("message-clip");
  await page.getByLabel("Message clip").setInputFiles({ name: "message.mp3", mimeType: "audio/mpeg", buffer: Buffer.from("not audio at all, just text") });
  await expect(message.getByRole("alert")).toContainText("This isn't an MP3 or WAV recording");
  await page.getByLabel("Message clip").setInputFiles(path.join(import.meta.dirname, "../lib/calltool/testing/message.mp3"));
  const player = message.getByLabel("Preview of message clip");
  await expect(player).toBeVisible();
  await expect(message).toContainText("message.mp3 (0:03)");
  const played = await player.evaluate(async (audio: HTMLAudioElement) => {
    audio.muted = true;
    await audio.play();
    await new Promise((resolve) => setTimeout(resolve, 600));
    return { paused: audio.paused, time: audio.currentTime, duration: audio.duration };
  });
  expect(played.paused).toBe(false);
  expect(played.time).toBeGreaterThan(0.2);
  expect(played.duration).toBeGreaterThan(2);

  // Publish, and see what members see.
  await page.getByRole("link", { name: "← Save the Bees" }).click();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: the page is live.")).toBeVisible();
  const member = await (await browser.newContext()).newPage();
  await member.goto("/p/save-the-bees");
  await expect(member.getByRole("heading", { name: "Save the Bees", level: 1 })).toBeVisible();
  await expect(member.getByText("Pesticides are killing")).toBeVisible();
  await expect(member.locator("strong", { hasText: "bees" })).toBeVisible();
  await expect(member.getByText("alert('x')")).toHaveCount(0);
  await expect(member.getByRole("heading", { name: "Talking points" })).toBeVisible();
  await expect(member.getByText("Ask them to vote")).toBeVisible();
  const targets = member.getByRole("group", { name: "Who do you want to call?" });
  await expect(targets.getByRole("radio", { name: "Ada Lovelace, MP for Marylebone" })).toBeVisible();
  await expect(targets.getByRole("radio", { name: "Poésy, Clémence, MP for Hackney" })).toBeVisible();

  // Members may call from country codes: UK is a slip for GB, XX no country at all.
  await page.getByRole("link", { name: "Call your representative" }).click();
  await page.getByLabel("Members may call from").fill("UK, XX");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("UK isn't a country code: use GB for the United Kingdom; XX isn't a country code. Use two-letter codes like GB, US, FR.")).toBeVisible();
  await page.getByLabel("Members may call from").fill("gb");
  await page.getByLabel("Whole call, in minutes").fill("45");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();

  // A live page's call tool is not removed with one click.
  await page.getByRole("link", { name: "← Save the Bees" }).click();
  await page.locator("summary", { hasText: "Remove…" }).click();
  await page.getByRole("button", { name: "Remove Call your representative", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Type remove to confirm: the page is live");
  await member.reload();
  await expect(member.getByRole("button", { name: "Call me now" })).toBeVisible();
  await page.getByLabel(/Type remove to confirm/).fill("remove");
  await page.getByRole("button", { name: "Remove Call your representative", exact: true }).click();
  await expect(page.getByRole("link", { name: "Call your representative" })).toHaveCount(0);
  await member.reload();
  await expect(member.getByRole("button", { name: "Call me now" })).toHaveCount(0);
});
