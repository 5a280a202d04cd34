import { randomUUID } from "node:crypto";
import { expect, test } from "../fixtures";
import { cookieHeader, DEMO_ADMIN, signIn, signInAsNew } from "../helpers";
import { builtActions, builtRoutes } from "./build";
import { pendingReason, PERSONAS, type Persona } from "./policy";
import { checkAction, checkRoute, type Ids } from "./sweep";

// The authorization sweep: every page, route handler and server action the build serves, as each persona.
let cookies: Record<Persona, string>;
let ids: Ids;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await browser.newPage();
  await signIn(admin, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.goto("/admin/pages?q=demo");
  const pageId = (await admin.getByRole("link", { name: /protect the bees/ }).first().getAttribute("href"))!.split("/").pop()!;
  await admin.goto(`/admin/pages/${pageId}`);
  const pluginId = (await admin.locator(`a[href^="/admin/pages/${pageId}/plugins/"]`).first().getAttribute("href"))!.split("/").pop()!;
  ids = { pageId, pluginId };
  const run = randomUUID().slice(0, 8);
  const volunteer = await signInAsNew(browser, `sweep-volunteer-${run}@example.org`, "volunteer");
  const campaigner = await signInAsNew(browser, `sweep-campaigner-${run}@example.org`, "campaigner");
  cookies = { "signed-out": "", volunteer: await cookieHeader(volunteer), campaigner: await cookieHeader(campaigner), admin: await cookieHeader(admin), "must-change-password": "" };
  await Promise.all([admin, volunteer, campaigner].map((page) => page.context().close()));
});

for (const route of builtRoutes()) {
  test(`${route.kind} ${route.route} lets in only whom it is for`, async ({ baseURL }) => {
    const pending = pendingReason(route.route);
    test.fail(!!pending, pending);
    const problems: string[] = [];
    for (const persona of PERSONAS) problems.push(...(await checkRoute(baseURL!, route, persona, cookies[persona], ids)));
    expect(problems).toEqual([]);
  });
}

for (const action of builtActions()) {
  test(`action ${action.name} (${action.file}) runs only for whom it is for`, async ({ baseURL }) => {
    const problems: string[] = [];
    for (const persona of PERSONAS) problems.push(...(await checkAction(baseURL!, action, persona, cookies[persona], ids)));
    expect(problems).toEqual([]);
  });
}

test("the sweep found the app's routes and actions in the build", () => {
  expect(builtRoutes().length).toBeGreaterThan(30);
  expect(builtRoutes().map((route) => route.route)).toEqual(expect.arrayContaining(["/admin/users", "/api/call", "/twilio/calls/[id]/start", "/account/password"]));
  expect(builtActions().map((action) => action.name)).toEqual(expect.arrayContaining(["inviteAction", "signInAction", "changePasswordAction"]));
});
