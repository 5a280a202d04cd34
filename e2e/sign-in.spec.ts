import { expect, test } from "./fixtures";
import { DEMO_ADMIN, signIn, signInAsNew, signOut } from "./helpers";

test("a signed-out visit to /admin is sent to sign-in, and signing in returns there", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Fusers$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Admin" });
  for (const section of ["Pages", "Calls", "Phone banks", "Phone numbers", "Users"]) {
    await expect(nav.getByRole("link", { name: section })).toBeVisible();
  }

  await signOut(page);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin/);
});

test("the sign-in form explains empty, malformed and wrong input at the field", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter an email address", { exact: true })).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  await signIn(page, "not an email", "whatever");
  await expect(page.getByText("Enter an email address like name@example.org")).toBeVisible();

  await signIn(page, "a".repeat(300) + "@example.org", "whatever");
  await expect(page.getByText("An email address is at most 254 characters")).toBeVisible();

  await page.getByLabel("Email").fill(DEMO_ADMIN.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password don't match an account. Check them and try again.");
  // The email stays filled in after the error.
  await expect(page.getByLabel("Email")).toHaveValue(DEMO_ADMIN.email);
});

test("the landing page and health check answer", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Put your members on the phone");
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", database: "up" });
});

test("signing in with no page to return to lands each person at their own home, never on a page they can't open", async ({ browser }) => {
  await (await signInAsNew(browser, "vera.volunteer@example.org", "volunteer")).close();
  const volunteer = await (await browser.newContext()).newPage();
  await signIn(volunteer, "vera.volunteer@example.org", "volunteer password");
  await expect(volunteer).toHaveURL(/\/$/);
  await expect(volunteer.getByRole("heading", { name: "You don't have access to this area" })).toHaveCount(0);
  // Signed in already, /signin sends them home too.
  await volunteer.goto("/signin");
  await expect(volunteer).toHaveURL(/\/$/);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(admin).toHaveURL(/\/admin$/);
});
