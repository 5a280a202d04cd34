import type { Locator, Page } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./chromium";
import { expect, test } from "./fixtures";
import { openVirtualPhone, signInAsNewCampaigner } from "./helpers";

// Issue 15 point 6: clips recorded in the browser, with Chromium's fake microphone (a beeping tone) granted without asking.
test.use({ launchOptions: { ...CHROMIUM_LAUNCH, args: [...CHROMIUM_LAUNCH.args, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"] } });

/** Plays an <audio> (muted) for a moment: answers whether it played, how far, and its duration. */
const play = (audio: Locator) =>
  audio.evaluate(async (element: HTMLAudioElement) => {
    element.muted = true;
    await element.play();
    await new Promise((resolve) => setTimeout(resolve, 700));
    const seen = { paused: element.paused, time: element.currentTime, duration: element.duration };
    element.pause();
    return seen;
  });

/** Records about `seconds` of the fake microphone into a slot, listens back, and saves. Answers the saved clip's name. */
async function record(page: Page, slot: Locator, seconds: number): Promise<string> {
  await slot.getByRole("button", { name: "Record with the microphone" }).click();
  await expect(slot.getByRole("status")).toContainText("Recording message clip");
  await page.waitForTimeout(seconds * 1000);
  await slot.getByRole("button", { name: "Stop recording" }).click();
  const take = slot.getByLabel("New recording of message clip");
  await expect(take).toBeVisible();
  const heard = await play(take);
  expect(heard.paused).toBe(false);
  expect(heard.time).toBeGreaterThan(0.2);
  expect(heard.duration).toBeGreaterThan(seconds - 0.5);
  expect(heard.duration).toBeLessThan(seconds + 1.5);
  await slot.getByRole("button", { name: "Save recording" }).click();
  await expect(take).toHaveCount(0);
  const current = (await slot.getByTestId("current-clip").textContent())!;
  expect(current).toMatch(/^Recording .+\.wav$/);
  return current;
}

test("a campaigner records the message in the browser, goes back to an earlier take, and a member's call plays it", async ({ browser, baseURL }) => {
  const page = await signInAsNewCampaigner(browser, "rory@example.org");
  await page.goto("/admin/pages/new");
  await page.getByLabel("Title").fill("Recorded bees");
  await page.getByRole("button", { name: "Create page" }).click();
  await page.getByRole("button", { name: "Add plugin" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await page.getByLabel("Targets file (CSV)").setInputFiles({ name: "targets.csv", mimeType: "text/csv", buffer: Buffer.from("name,title,phone,country\nRae Corder,MP for Hive,+44 20 7946 0077,GB\n") });
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByText("Imported 1 targets.")).toBeVisible();

  // Two takes: each is listened back to, converted to WAV in the browser and saved like an upload.
  const slot = page.getByTestId("message-clip");
  const first = await record(page, slot, 2);
  await page.waitForTimeout(1100); // names carry the second they were made
  const second = await record(page, slot, 3);
  expect(second).not.toBe(first);
  const preview = slot.getByLabel("Preview of message clip");
  const secondUrl = (await preview.getAttribute("src"))!;
  const stored = await page.request.get(secondUrl);
  expect(stored.headers()["content-type"]).toBe("audio/wav");
  expect((await stored.body()).subarray(0, 4).toString()).toBe("RIFF");
  await expect(slot).toContainText("(0:03)");

  // Both are versions; going back to the first puts it in use, and it stays after a reload.
  const versions = slot.getByRole("list", { name: "Versions of message clip" });
  await expect(versions.getByTestId("clip-version")).toHaveCount(2);
  await expect(versions.getByTestId("clip-version").first()).toContainText(`Version 2: ${second}`);
  await expect(versions.getByTestId("clip-version").first()).toContainText("in use");
  await versions.getByRole("button", { name: "Go back to version 1" }).click();
  await expect(slot.getByTestId("current-clip")).toHaveText(first);
  await expect(versions.getByTestId("clip-version").nth(1)).toContainText("in use");
  await page.reload();
  await expect(slot.getByTestId("current-clip")).toHaveText(first);
  const firstUrl = (await slot.getByLabel("Preview of message clip").getAttribute("src"))!;
  expect(firstUrl).not.toBe(secondUrl);
  const played = await play(slot.getByLabel("Preview of message clip"));
  expect(played.paused).toBe(false);
  expect(played.duration).toBeGreaterThan(1.5);
  expect(played.duration).toBeLessThan(3.5);
  await expect(page.getByRole("button", { name: "Go back to version 2" })).toBeVisible();

  // Published, a member's call plays the first take: the virtual phone's log names it, and its player plays the very file.
  await page.getByRole("link", { name: "← Recorded bees" }).click();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: the page is live.")).toBeVisible();
  const phone = await openVirtualPhone(browser);
  const member = await (await browser.newContext({ baseURL })).newPage();
  await member.goto("/p/recorded-bees");
  await member.getByLabel("Your phone number").fill("020 7946 0888");
  await member.getByRole("button", { name: "Call me now" }).click();
  const call = phone.getByRole("article", { name: "Call to +442079460888" });
  await call.getByRole("button", { name: "Answer" }).click();
  await expect(call.getByText(`Played: ${first}`)).toBeVisible();
  const heard = call.getByLabel(`Clip ${first}`).first();
  expect(await heard.getAttribute("src")).toBe(firstUrl);
  const onThePhone = await play(heard);
  expect(onThePhone.time).toBeGreaterThan(0.2);
  expect(onThePhone.duration).toBeCloseTo(played.duration, 1);
  await call.getByRole("button", { name: "Hang up" }).click();

  // The microphone the editor may use stays off on the member's page and the embed, even in this browser that grants it without asking.
  const microphone = (on: Page) => on.evaluate(() => navigator.mediaDevices.getUserMedia({ audio: true }).then(() => "granted", (error: DOMException) => error.name));
  expect(await microphone(member)).toBe("NotAllowedError");
  await member.goto("/p/recorded-bees");
  const pluginId = (await member.locator("section[aria-labelledby^='call-tool-']").first().getAttribute("aria-labelledby"))!.replace("call-tool-", "");
  await member.goto(`/embed/${pluginId}`);
  await expect(member.getByRole("button", { name: "Call me now" })).toBeVisible();
  expect(await microphone(member)).toBe("NotAllowedError");
});
