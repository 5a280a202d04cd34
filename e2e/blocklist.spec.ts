import { expect, test } from "./fixtures";
import { signInAsNewCampaigner } from "./helpers";

test("a campaigner blocks a member's number, sees it normalised, and unblocks it", async ({ browser }) => {
  const page = await signInAsNewCampaigner(browser, "blocker@example.org");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Blocklist" }).click();
  await expect(page.getByRole("heading", { name: "Blocklist" })).toBeVisible();

  const value = page.getByLabel("Number or address");
  await value.fill("020 7946 0999");
  await page.getByRole("button", { name: "Block" }).click();
  await expect(value).toHaveAccessibleDescription("Enter the number in international form, starting with + and the country code");

  await value.fill("+44 20 7946 0999");
  await page.getByLabel("Reason").fill("abuse");
  await page.getByLabel("Expires").selectOption({ label: "In 7 days" });
  await page.getByRole("button", { name: "Block" }).click();
  await expect(page.getByText("Blocked +442079460999.")).toBeVisible();
  const inAWeek = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" }).format(Date.now() + 7 * 86_400_000);
  const row = page.getByRole("row").filter({ hasText: "+442079460999" });
  await expect(row.getByRole("cell")).toHaveText(["Phone number", "+442079460999", "abuse", "0", "Never", new RegExp(`^${inAWeek}`), "Remove"]);
  await expect(value).not.toHaveAttribute("aria-invalid");

  await row.getByRole("button", { name: "Remove +442079460999" }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByText("Nobody is blocked")).toBeVisible();
});
