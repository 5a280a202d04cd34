import fs from "node:fs";
import path from "node:path";
import { startFakeUploadthing } from "../lib/storage/testing/fake-uploadthing";
import { expect, test } from "./fixtures";
import { PUBLISHED_DEMO_PASSWORD, signIn } from "./helpers";
import { freePort, startApp } from "./server";

const mp3 = fs.readFileSync(path.join(import.meta.dirname, "../lib/calltool/testing/message.mp3"));

// The fake's file CDN is plain http on 127.0.0.1; uploadthing's real one is https, which media-src allows.
test.use({ allowedCspViolations: [/Loading media from\s+'http:\/\/127\.0\.0\.1:\d+\/a\//] });

// Issue 14's storage fault: an app on uploadthing (a faithful local fake) whose clip store goes away.
test("when uploadthing can't be reached, the campaigner is told so and keeps the clip they had", async ({ page }) => {
  test.setTimeout(120_000);
  const uploadthing = await startFakeUploadthing();
  const app = startApp(await freePort(), { UPLOADTHING_TOKEN: uploadthing.token, UPLOADTHING_API_URL: uploadthing.apiUrl, UPLOADTHING_INGEST_URL: uploadthing.ingestUrl });
  try {
    await app.ready();
    await page.goto(`${app.url}/signin`);
    await signIn(page, "admin@example.com", PUBLISHED_DEMO_PASSWORD);
    await page.getByLabel("Current password").fill(PUBLISHED_DEMO_PASSWORD);
    await page.getByLabel("New password").fill("clip store admin password");
    await page.getByLabel("Type it again").fill("clip store admin password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/admin$/);

    await page.goto(`${app.url}/admin/pages/new`);
    await page.getByLabel("Title").fill("Clip store");
    await page.getByRole("button", { name: "Create page" }).click();
    await page.getByRole("button", { name: "Add plugin" }).click();
    const message = page.getByTestId("message-clip");
    await page.getByLabel("Message clip", { exact: true }).setInputFiles({ name: "first-message.mp3", mimeType: "audio/mpeg", buffer: mp3 });
    await expect(message).toContainText("first-message.mp3 (0:03)");
    expect(uploadthing.files.size).toBe(1);

    await uploadthing.close();
    await page.getByLabel("Message clip", { exact: true }).setInputFiles({ name: "second-message.mp3", mimeType: "audio/mpeg", buffer: mp3 });
    await expect(message.getByRole("alert")).toHaveText(/The clip store can't be reached just now, so this clip was not saved\. Your current clip is unchanged\./);
    await expect(message).toContainText("first-message.mp3");

    // Saved, not just still on screen.
    await page.reload();
    await expect(page.getByTestId("message-clip")).toContainText("first-message.mp3 (0:03)");
    await expect(page.getByTestId("message-clip")).not.toContainText("second-message.mp3");
    expect(app.stderr()).not.toMatch(/"level":(50|60)/); // logged as a warning, not as an error of ours
  } finally {
    await app.stop();
    await uploadthing.close().catch(() => undefined);
  }
});
