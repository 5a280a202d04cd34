import http from "node:http";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_ADMIN, signIn } from "./helpers";
import { freePort } from "./server";

// Issue 15 point 7: the script embed fits its frame to the call tool, on a partner's site of another origin.

/** The demo call tool's editor, as the demo admin. */
async function openDemoEditor(page: Page) {
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/pages");
  await page.getByRole("link", { name: "Tell your representative: protect the bees" }).click();
  await page.locator("a[href*='/plugins/']").first().click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
}

test("the script snippet puts the call tool on a partner's page and the frame follows its content's height", async ({ browser, page, baseURL }) => {
  const admin = await (await browser.newContext()).newPage();
  await openDemoEditor(admin);
  const snippet = await admin.getByLabel("Script embed code").inputValue();
  expect(snippet).toMatch(new RegExp(`^<script src="${baseURL}/embed\\.js" data-call-tool="[0-9a-f-]{36}" data-title="[^"]+" async></script>$`));
  // The fixed-height iframe snippet stays.
  await expect(admin.getByLabel("Embed code", { exact: true })).toHaveValue(/^<iframe src="http:\/\/localhost:\d+\/embed\/[0-9a-f-]{36}"/);

  const script = await page.request.get("/embed.js");
  expect(script.headers()["content-type"]).toMatch(/^text\/javascript/);
  expect(script.headers()["cache-control"]).toMatch(/public, max-age=\d+/);
  expect((await script.body()).byteLength).toBeLessThan(2048);
  expect((await page.request.get("/embed.js", { headers: { "If-None-Match": script.headers().etag! } })).status()).toBe(304);

  // A partner's site: another origin (127.0.0.1 rather than localhost, another port), a static page with the snippet between two paragraphs.
  const html = `<!doctype html><html><body style="margin:0"><p id="before">Our campaign</p>${snippet}<p id="after">Thanks for calling</p></body></html>`;
  const partner = http.createServer((_request, response) => response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html));
  const port = await freePort();
  await new Promise<void>((resolve) => partner.listen(port, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    const frameElement = page.locator("iframe");
    await expect(frameElement).toHaveCount(1);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("button", { name: "Call me now" })).toBeVisible();
    // The frame sits where the script was, and is exactly as tall as the call tool inside it (not the 640 px it starts at).
    expect(await page.evaluate(() => document.querySelector("iframe")!.previousElementSibling?.id)).toBe("before");
    const heights = async () => ({
      frame: Math.round((await frameElement.boundingBox())!.height),
      content: Math.ceil(await frame.locator("[data-embed-content]").evaluate((element) => element.getBoundingClientRect().height)),
    });
    // Within a pixel: the frame's height is set in whole pixels.
    const fits = async () => {
      const seen = await heights();
      return Math.abs(seen.frame - seen.content) <= 1 ? "fits" : `frame ${seen.frame} px, content ${seen.content} px`;
    };
    await expect.poll(fits).toBe("fits");
    expect((await heights()).frame).not.toBe(640);
    const before = await heights();

    // The content grows (errors under the fields): the frame grows with it, with no inner scroll bar.
    await frame.getByRole("button", { name: "Call me now" }).click();
    await expect(frame.getByText("Choose who to call.").first()).toBeVisible();
    await expect.poll(async () => (await heights()).frame).toBeGreaterThan(before.frame);
    await expect.poll(fits).toBe("fits");
    expect(await frame.locator("html").evaluate((element) => element.scrollHeight <= element.clientHeight)).toBe(true);

    // A message from anywhere else (here the partner's own page) is ignored.
    const settled = (await heights()).frame;
    await page.evaluate(() => window.postMessage({ type: "patchthrough:height", height: 50 }, "*"));
    await page.waitForTimeout(300);
    expect((await heights()).frame).toBe(settled);
  } finally {
    partner.close();
  }
});
