import { expect, type Page } from "@playwright/test";

export { DEMO_ADMIN } from "../lib/users/demo-credentials";

/** Signs in the way a person does: through the form. */
export async function signIn(page: Page, email: string, password: string) {
  if (!page.url().includes("/signin")) await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}
