import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_ADMIN as DEMO } from "../lib/users/demo-credentials";

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

/** A campaigner account, made the way an organisation makes one: invited by an admin. Answers a page signed in as them. */
export async function signInAsNewCampaigner(browser: Browser, email: string): Promise<Page> {
  const admin = await browser.newPage();
  await signIn(admin, DEMO.email, DEMO.password);
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.goto("/admin/users");
  const invite = admin.locator("form", { has: admin.getByRole("heading", { name: "Invite someone" }) });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption("campaigner");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  const link = (await admin.getByTestId("invitation-link").textContent())!;
  await admin.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Your name").fill("Camille");
  await page.getByLabel("Choose a password").fill("campaigner password");
  await page.getByLabel("Type it again").fill("campaigner password");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  return page;
}

/**
 * The virtual phone is for staff only: a page signed in as the demo admin,
 * on /dev/phone. Its `request` carries the session, for scripting numbers.
 */
export async function openVirtualPhone(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto("/dev/phone");
  return page;
}

/** Scripts how a simulated number behaves, through the virtual phone's API, as staff. */
export async function scriptNumber(phone: Page, number: string, behavior: Record<string, unknown>): Promise<void> {
  const scripted = await phone.request.put(`/dev/phone/api/numbers/${encodeURIComponent(number)}`, { data: behavior });
  expect(scripted.ok()).toBe(true);
}
