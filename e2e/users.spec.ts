import { expect, test } from "./fixtures";
import { DEMO_ADMIN, signIn } from "./helpers";

test("an admin invites a volunteer, who joins but is refused /admin with a 403", async ({ page, browser }) => {
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Users" }).click();

  const invite = page.locator("form", { has: page.getByRole("heading", { name: "Invite someone" }) });
  await invite.getByLabel("Email").fill("not-an-email");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  await expect(invite.getByText("Enter an email address like name@example.org")).toBeVisible();

  await invite.getByLabel("Email").fill(DEMO_ADMIN.email);
  await invite.getByRole("button", { name: "Create invitation" }).click();
  await expect(invite.getByText("This email address already has an account")).toBeVisible();

  await invite.getByLabel("Email").fill("val@example.org");
  await invite.getByLabel("Role").selectOption("volunteer");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByTestId("invitation-link").textContent();
  expect(link).toMatch(/\/invite\/[\w-]+$/);
  await expect(page.getByText(/val@example.org · Volunteer · expires/)).toBeVisible();

  // The volunteer opens the link in their own browser.
  const volunteerContext = await browser.newContext();
  const volunteer = await volunteerContext.newPage();
  await volunteer.goto(link!);
  await expect(volunteer.getByText("You were invited as volunteer with val@example.org.")).toBeVisible();
  await volunteer.getByLabel("Your name").fill("Val");
  await volunteer.getByLabel("Choose a password").fill("short");
  await volunteer.getByLabel("Type it again").fill("different");
  await volunteer.getByRole("button", { name: "Create my account" }).click();
  await expect(volunteer.getByText("Use at least 10 characters")).toBeVisible();
  await expect(volunteer.getByText("The two passwords differ")).toBeVisible();

  await volunteer.getByLabel("Choose a password").fill("volunteer password");
  await volunteer.getByLabel("Type it again").fill("volunteer password");
  await volunteer.getByRole("button", { name: "Create my account" }).click();
  await expect(volunteer).toHaveURL(/\/$/);

  const response = await volunteer.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(volunteer.getByRole("heading", { name: "You don't have access to this area" })).toBeVisible();

  // The link works once.
  await volunteer.goto(link!);
  await expect(volunteer.getByText("This invitation has already been used. Sign in instead.")).toBeVisible();

  // Promoted by the admin, the same session reaches /admin on its next request.
  await page.reload();
  const row = page.getByTestId("user-val@example.org");
  await row.getByLabel("Role of val@example.org").selectOption("campaigner");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role saved.")).toBeVisible();
  const promoted = await volunteer.goto("/admin");
  expect(promoted?.status()).toBe(200);
  await expect(volunteer.getByRole("heading", { name: /Welcome, Val/ })).toBeVisible();
  // A campaigner does not manage users.
  expect((await volunteer.goto("/admin/users"))?.status()).toBe(403);

  // Disabled, the account is signed out everywhere and cannot sign in again.
  await page.reload();
  await page.getByTestId("user-val@example.org").getByRole("button", { name: "Disable" }).click();
  await expect(page.getByTestId("user-val@example.org").getByText("Disabled", { exact: true })).toBeVisible();
  await volunteer.goto("/admin");
  await expect(volunteer).toHaveURL(/\/signin/);
  await signIn(volunteer, "val@example.org", "volunteer password");
  await expect(volunteer.getByRole("main").getByRole("alert")).toContainText("don't match an account");
  await volunteerContext.close();
});
