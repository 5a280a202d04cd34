import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { cookieHeader, DEMO_ADMIN, PUBLISHED_DEMO_PASSWORD, signIn, signOut } from "./helpers";
import { builtActions, builtRoutes } from "./security/build";
import { pendingReason } from "./security/policy";
import { checkAction, checkRoute } from "./security/sweep";

// Runs before every other e2e test (the "setup" project): they sign in with the password chosen here.
test("the demo admin's first sign-in must choose a new password before anything else opens", async ({ page, baseURL }) => {
  await page.goto("/admin/users");
  await signIn(page, DEMO_ADMIN.email, PUBLISHED_DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole("status")).toContainText("published in Patchthrough's README");

  // Meanwhile every page, route handler and action the build serves refuses the account, except its change of password.
  for (const path of ["/admin", "/admin/users", "/admin/pages/new"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/account\/password$/);
  }
  const cookie = await cookieHeader(page);
  const ids = { pageId: randomUUID(), pluginId: randomUUID() };
  const problems: string[] = [];
  // Routes whose fix is still in flight are left to e2e/security/sweep.spec.ts, which marks them expected to fail.
  for (const route of builtRoutes().filter((built) => !pendingReason(built.route))) {
    problems.push(...(await checkRoute(baseURL!, route, "must-change-password", cookie, ids)));
  }
  for (const action of builtActions()) problems.push(...(await checkAction(baseURL!, action, "must-change-password", cookie, ids)));
  expect(problems).toEqual([]);

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
