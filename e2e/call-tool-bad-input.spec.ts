import { expect, test } from "./fixtures";
import { signInAsNewCampaigner } from "./helpers";

test("bad input is explained at its field, and a stale editor never overwrites", async ({ browser }) => {
  const page = await signInAsNewCampaigner(browser, "quentin@example.org");

  // Caller IDs: a non-number is refused; a real one is added. The simulator's account owns one number,
  // which the demo page already put on the list, so importing finds nothing new.
  await page.goto("/admin/phone-numbers");
  await page.getByLabel("Phone number").fill("not a number");
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.getByText("Enter the number in international form, starting with + and the country code")).toBeVisible();
  await page.getByLabel("Phone number").fill("+44 20 7946 0000");
  await page.getByRole("button", { name: "Add number" }).click();
  await expect(page.getByText("Added +442079460000.")).toBeVisible();
  await page.getByRole("button", { name: "Import from the simulator's account" }).click();
  await expect(page.getByText("Every number on the Twilio account is already on the list.")).toBeVisible();
  await expect(page.getByText("+15005550006")).toBeVisible();

  // A slug already taken.
  for (const title of ["Bee Act", "Bee Act"]) {
    await page.goto("/admin/pages/new");
    await page.getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Create page" }).click();
  }
  await expect(page.getByText("Another page already uses this web address")).toBeVisible();
  await page.getByLabel("Web address").fill("bee-act-scotland");
  await page.getByRole("button", { name: "Create page" }).click();
  await page.getByRole("button", { name: "Add plugin" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  const editorUrl = page.url();

  // A drill-down by an attribute no target has.
  await page.getByLabel("The member narrows down by attributes").check();
  await page.getByLabel("Narrow down by (in order)").fill("constituency");
  await page.getByLabel("Caller ID").selectOption("+442079460000");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("No target has the attribute “constituency”, which members narrow down by")).toBeVisible();
  await page.getByLabel("The member picks from the list").check();
  await page.getByLabel("Narrow down by (in order)").fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();

  // A target row in error, shown at its cell; nothing saved.
  await page.getByRole("button", { name: "Add target" }).click();
  await page.getByLabel("Name of target 1").fill("Nicola Sturgeon");
  await page.getByLabel("Phone of target 1").fill("0131 496 0000");
  await page.getByLabel("Country of target 1").fill("US");
  await page.getByRole("button", { name: "Save targets" }).click();
  await expect(page.getByText(/^phone number is not valid for US/)).toBeVisible();
  await expect(page.getByText("1 problem to fix; nothing was saved.")).toBeVisible();
  await page.getByLabel("Country of target 1").fill("GB");
  await page.getByRole("button", { name: "Save targets" }).click();
  await expect(page.getByText("Saved 1 target.")).toBeVisible();

  // A clip over 10 MB is refused before it is stored.
  await page.getByLabel("Menu clip").setInputFiles({ name: "long.mp3", mimeType: "audio/mpeg", buffer: Buffer.alloc(10.5 * 1024 * 1024, 1) });
  await expect(page.getByTestId("menu-clip").getByRole("alert")).toContainText("a clip can be at most 10 MB");

  // Two campaigners: the second save is told, and nothing is overwritten.
  const other = await page.context().newPage();
  await other.goto(editorUrl);
  await other.getByLabel("Title").first().fill("Call your MSP");
  await other.getByRole("button", { name: "Save settings" }).click();
  await expect(other.getByText("Settings saved.")).toBeVisible();
  await page.getByLabel("Title").first().fill("Phone your MSP");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText(/was changed by someone else since you opened it, so your changes were not saved/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Title").first()).toHaveValue("Call your MSP");

  // A draft is not public; the embed shows only a published call tool.
  const pluginId = editorUrl.split("/plugins/")[1]!;
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto("/p/bee-act-scotland"))?.status()).toBe(404);
  expect((await visitor.goto(`/embed/${pluginId}`))?.status()).toBe(404);
  await page.goto(editorUrl.split("/plugins/")[0]!);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published: the page is live.")).toBeVisible();
  const embed = await visitor.goto(`/embed/${pluginId}`);
  expect(embed?.status()).toBe(200);
  expect(embed?.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed?.headers()["x-frame-options"]).toBeUndefined();
  await expect(visitor.getByRole("heading", { name: "Call your MSP" })).toBeVisible();
  await expect(visitor.getByText("Nicola Sturgeon")).toBeVisible();
});
