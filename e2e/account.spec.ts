import { expect, test } from "./fixtures";
import { DEMO_ADMIN, signIn, signInAsNew, signOut } from "./helpers";

test("anyone changes their own password, which signs out their other sessions", async ({ browser }) => {
  const volunteer = await signInAsNew(browser, "vera@example.org", "volunteer");
  // A second session of the same person, elsewhere.
  const elsewhere = await (await browser.newContext()).newPage();
  await signIn(elsewhere, "vera@example.org", "volunteer password");
  await expect(elsewhere).toHaveURL(/\/$/); // a volunteer lands at their own home, not on /admin

  await volunteer.goto("/account/password");
  await expect(volunteer.getByText("Signed in as vera@example.org.")).toBeVisible();
  await volunteer.getByLabel("Current password").fill("volunteer password");
  await volunteer.getByLabel("New password").fill("volunteer password");
  await volunteer.getByLabel("Type it again").fill("volunteer password");
  await volunteer.getByRole("button", { name: "Change password" }).click();
  await expect(volunteer.getByText("Choose a password different from the current one")).toBeVisible();
  await volunteer.getByLabel("Current password").fill("volunteer password");
  await volunteer.getByLabel("New password").fill("a better volunteer password");
  await volunteer.getByLabel("Type it again").fill("a better volunteer password");
  await volunteer.getByRole("button", { name: "Change password" }).click();
  await expect(volunteer).toHaveURL(/\/$/);

  // This session carries on; the other one has ended.
  await volunteer.goto("/account/password");
  await expect(volunteer.getByText("Signed in as vera@example.org.")).toBeVisible();
  await elsewhere.goto("/account/password");
  await expect(elsewhere).toHaveURL(/\/signin/);
  await signIn(elsewhere, "vera@example.org", "volunteer password");
  await expect(elsewhere.getByRole("main").getByRole("alert")).toContainText("don't match an account");
});

test("an admin gives someone a one-time reset link; it sets a new password once and ends their old sessions", async ({ browser, page }) => {
  const campaigner = await signInAsNew(browser, "rosa@example.org", "campaigner");

  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/admin/users");
  const row = page.getByTestId("user-rosa@example.org");
  await row.getByRole("button", { name: "Reset link" }).click();
  await expect(row.getByText(/Send rosa@example.org this link; it works once, for 24 hours/)).toBeVisible();
  const link = (await row.getByTestId("reset-link").textContent())!;
  expect(link).toMatch(/\/reset\/[\w-]+$/);
  // No reset link for oneself: the change-password page is for that.
  await expect(page.getByTestId(`user-${DEMO_ADMIN.email}`).getByRole("button", { name: "Reset link" })).toHaveCount(0);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  await expect(visitor.getByText("For rosa@example.org. This link works once.")).toBeVisible();
  await visitor.getByLabel("New password").fill("rosa's new password");
  await visitor.getByLabel("Type it again").fill("something else");
  await visitor.getByRole("button", { name: "Set my password" }).click();
  await expect(visitor.getByText("The two passwords differ")).toBeVisible();
  await visitor.getByLabel("New password").fill("rosa's new password");
  await visitor.getByLabel("Type it again").fill("rosa's new password");
  await visitor.getByRole("button", { name: "Set my password" }).click();
  await expect(visitor).toHaveURL(/\/admin$/);

  // The link worked once; the session from before the reset has ended; the new password works.
  await visitor.goto(link);
  await expect(visitor.getByText("This link has already been used. Sign in with your new password.")).toBeVisible();
  await campaigner.goto("/admin");
  await expect(campaigner).toHaveURL(/\/signin/);
  await signIn(campaigner, "rosa@example.org", "rosa's new password");
  await expect(campaigner).toHaveURL(/\/admin$/);
  await signOut(campaigner);
});
