import { expect, test } from "./fixtures";
import { signInAsNewCampaigner } from "./helpers";

const csv = (rows: string[]) => Buffer.from(["name,phone,country,pinned", ...rows].join("\n"));

test("a campaigner sets several targets per call, busy-line redials and pinned targets, with errors at their fields", async ({ browser }) => {
  const page = await signInAsNewCampaigner(browser, "seq@example.org");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Pages" }).click();
  await page.getByRole("link", { name: "New page" }).click();
  await page.getByLabel("Title").fill("Both Senators");
  await page.getByRole("button", { name: "Create page" }).click();
  await page.getByRole("button", { name: "Add plugin" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();

  // A bad value is named at its field and nothing is saved.
  await page.getByLabel("Targets per call").fill("9");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("At most 5 targets")).toBeVisible();

  await page.getByLabel("Targets per call").fill("2");
  await page.getByLabel("When a target's line is busy, keep the member on hold and redial").check();
  await page.getByLabel("Redials at most").fill("4");
  await page.getByLabel("Seconds between redials").fill("20");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Targets per call")).toHaveValue("2");
  await expect(page.getByLabel("When a target's line is busy, keep the member on hold and redial")).toBeChecked();
  await expect(page.getByLabel("Redials at most")).toHaveValue("4");
  await expect(page.getByLabel("Seconds between redials")).toHaveValue("20");

  // Pinned targets from a spreadsheet, shown and changed in the table.
  const file = page.getByLabel("Targets file (CSV)");
  await file.setInputFiles({ name: "targets.csv", mimeType: "text/csv", buffer: csv(["Ada Lovelace,+44 20 7946 0018,GB,call first", "Tom Bell,+44 20 7946 0019,GB,", "Priya Shah,+44 20 7946 0020,GB,whenever"]) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "row 4: pinned must be empty, first or last" })).toBeVisible();
  await file.setInputFiles({ name: "targets.csv", mimeType: "text/csv", buffer: csv(["Ada Lovelace,+44 20 7946 0018,GB,call first", "Tom Bell,+44 20 7946 0019,GB,", "Priya Shah,+44 20 7946 0020,GB,last"]) });
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByText("Imported 3 targets.")).toBeVisible();
  await expect(page.getByLabel("Pinned of target 1")).toHaveValue("first");
  await expect(page.getByLabel("Pinned of target 2")).toHaveValue("");
  await expect(page.getByLabel("Pinned of target 3")).toHaveValue("last");
  await page.getByLabel("Pinned of target 2").selectOption({ label: "Call last" });
  await page.getByRole("button", { name: "Save targets" }).click();
  await expect(page.getByText("Saved 3 targets.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Pinned of target 2")).toHaveValue("last");
});
