import { expect, test } from "./fixtures";
import { DEMO_ADMIN, PUBLISHED_DEMO_PASSWORD, signIn, signOut } from "./helpers";

// Runs before every other e2e test (the "setup" project): they sign in with the password chosen here.
test("the demo admin's first sign-in must choose a new password before anything else opens", async ({ page }) => {
  await page.goto("/admin/users");
  await signIn(page, DEMO_ADMIN.email, PUBLISHED_DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("status")).toContainText("published in Patchthrough's README");

  // Meanwhile every page, route handler and action treats the account as signed out (e2e/sweep.spec.ts checks each one).
  for (const path of ["/admin", "/admin/users", "/admin/pages/new"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/account\/password$/);
  }
  const upload = await page.request.post("/api/clips", { multipart: { file: { name: "a.mp3", mimeType: "audio/mpeg", buffer: Buffer.from("x") } } });
  expect(upload.status()).toBe(401);

  // Mistakes are explained at their field.
  await page.goto("/account/password");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("short");
  await page.getByLabel("Type it again").fill("different");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await expect(page.getByText("The two passwords differ")).toBeVisible();

  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill(PUBLISHED_DEMO_PASSWORD);
  await page.getByLabel("Type it again").fill(PUBLISHED_DEMO_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This password is published in Patchthrough's README: choose another")).toBeVisible();

  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill(DEMO_ADMIN.password);
  await page.getByLabel("Type it again").fill(DEMO_ADMIN.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That isn't your current password")).toBeVisible();

  await page.getByLabel("Current password").fill(PUBLISHED_DEMO_PASSWORD);
  await page.getByLabel("New password").fill(DEMO_ADMIN.password);
  await page.getByLabel("Type it again").fill(DEMO_ADMIN.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();

  // The published password no longer opens anything.
  await signOut(page);
  await signIn(page, DEMO_ADMIN.email, PUBLISHED_DEMO_PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("don't match an account");
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
});
