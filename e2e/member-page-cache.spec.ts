import { expect, test } from "./fixtures";
import { signInAsNewCampaigner } from "./helpers";

test("the member's page is served from the cache, and every change a campaigner saves shows at once", async ({ browser, playwright }) => {
  const campaigner = await signInAsNewCampaigner(browser, "cache-keeper@example.org");
  await campaigner.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Pages" }).click();
  await campaigner.getByRole("link", { name: "New page" }).click();
  await campaigner.getByLabel("Title").fill("Cached Bees");
  await campaigner.getByRole("button", { name: "Create page" }).click();
  await campaigner.getByLabel("Page text (Markdown)").fill("First words.");
  await campaigner.getByRole("button", { name: "Save page" }).click();
  await expect(campaigner.getByText("Page saved.")).toBeVisible();
  await campaigner.getByRole("button", { name: "Publish" }).click();
  await expect(campaigner.getByText("Published: the page is live.")).toBeVisible();

  // A member: no session, so the cached page.
  const member = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const visit = () => member.get("/p/cached-bees");
  const first = await visit();
  expect(first.status()).toBe(200);
  expect(await first.text()).toContain("First words.");
  const again = await visit();
  expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(again.headers()["cache-control"]).toBe("public, max-age=0, must-revalidate");

  // The campaigner saves: the very next visit has it.
  await campaigner.getByLabel("Page text (Markdown)").fill("Second words.");
  const saved = campaigner.waitForResponse((response) => response.request().method() === "POST" && !!response.request().headers()["next-action"]);
  await campaigner.getByRole("button", { name: "Save page" }).click();
  expect((await saved).ok()).toBe(true);
  const changed = await visit();
  expect(await changed.text()).toContain("Second words.");
  expect((await visit()).headers()["x-nextjs-cache"]).toBe("HIT");

  // Unpublished, members get nothing; the campaigner, signed in, sees the draft rendered for them.
  await campaigner.getByRole("button", { name: "Unpublish" }).click();
  await expect(campaigner.getByText("Unpublished: the page is a draft again.")).toBeVisible();
  expect((await visit()).status()).toBe(404);
  await campaigner.goto("/p/cached-bees");
  await expect(campaigner.getByText("Draft preview: only people signed in to Patchthrough can see this page.")).toBeVisible();
  await expect(campaigner.getByText("Second words.")).toBeVisible();

  await campaigner.goto("/admin/pages");
  await campaigner.getByRole("link", { name: "Cached Bees" }).click();
  await campaigner.getByRole("button", { name: "Publish" }).click();
  await expect(campaigner.getByText("Published: the page is live.")).toBeVisible();
  const back = await visit();
  expect(back.status()).toBe(200);
  expect(await back.text()).not.toContain("Draft preview");
  await member.dispose();
});

test("an address carrying form state is rendered for its visit, not served from the cache", async ({ page }) => {
  const cached = await page.request.get("/p/demo");
  expect(cached.status()).toBe(200);
  // A partner's link presetting a choice; then a form posted without JavaScript coming back with an error.
  const narrowed = await page.request.get("/p/demo?filter_party=Independent");
  expect(narrowed.headers()["x-nextjs-cache"]).toBeUndefined();
  expect(narrowed.headers()["cache-control"]).toContain("no-store");
  await page.goto("/p/demo?error=Unsigned+words&field=member_phone_number");
  await expect(page.getByText("Unsigned words")).toHaveCount(0);
  await expect(page).toHaveURL(/\/p\/demo\?error=/);
});
