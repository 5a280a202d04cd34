import type { Browser, Page } from "@playwright/test";
import { DEMO_ADMIN as PUBLISHED_DEMO_ADMIN } from "../lib/users/demo-credentials";
import { expect } from "./fixtures";

/** The password the demo admin is published with, which its first sign-in must replace (e2e/auth.setup.ts does). */
export const PUBLISHED_DEMO_PASSWORD = PUBLISHED_DEMO_ADMIN.password;

/** The demo admin as every test after e2e/auth.setup.ts signs in: with the password the setup chose. */
export const DEMO_ADMIN = { email: PUBLISHED_DEMO_ADMIN.email, password: "e2e admin password", name: PUBLISHED_DEMO_ADMIN.name } as const;
const DEMO = DEMO_ADMIN;

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

/** An account made the way an organisation makes one: invited by the demo admin, then joined. Answers a page signed in as them. */
export async function signInAsNew(browser: Browser, email: string, role: "campaigner" | "volunteer" | "admin"): Promise<Page> {
  const admin = await browser.newPage();
  await signIn(admin, DEMO.email, DEMO.password);
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.goto("/admin/users");
  const invite = admin.locator("form", { has: admin.getByRole("heading", { name: "Invite someone" }) });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption(role);
  await invite.getByRole("button", { name: "Create invitation" }).click();
  const link = (await admin.getByTestId("invitation-link").textContent())!;
  await admin.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Your name").fill("Camille");
  await page.getByLabel("Choose a password").fill(`${role} password`);
  await page.getByLabel("Type it again").fill(`${role} password`);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(role === "volunteer" ? /\/$/ : /\/admin$/);
  return page;
}

export const signInAsNewCampaigner = (browser: Browser, email: string) => signInAsNew(browser, email, "campaigner");

/** The Cookie header of a page's browser context: its session, for requests made outside the browser. */
export async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
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
