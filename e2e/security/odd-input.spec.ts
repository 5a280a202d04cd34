import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "../fixtures";
import { cookieHeader, DEMO_ADMIN, signIn } from "../helpers";
import { builtActions, builtRoutes } from "./build";
import { concretePath, STACK_TRACE } from "./sweep";
import { simulatorCredentials } from "./twilio";

// Issue 10 points 4, 5, 6 and 11: odd input gets a 4xx (or is cleaned), never a 500.

const ids = { pageId: "5f0c2c1e-1b2a-4c3d-8e4f-0123456789ab", pluginId: "6f0c2c1e-1b2a-4c3d-8e4f-0123456789ab" };
let admin: string;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(page).toHaveURL(/\/admin$/);
  admin = await cookieHeader(page);
  await page.context().close();
});

async function get(url: string, cookie = admin, method = "GET") {
  const response = await fetch(url, { method, headers: { cookie }, redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), body: await response.text() };
}

test("malformed percent-encoding in any segment of any route answers 400", async ({ baseURL }) => {
  const seen: string[] = [];
  for (const { route } of builtRoutes()) {
    const segments = concretePath(route, ids).split("/");
    for (let i = 1; i < segments.length; i++) {
      const odd = [...segments.slice(0, i), "%ff", ...segments.slice(i + 1)].join("/");
      for (const method of ["GET", "POST"]) {
        const { status } = await get(`${baseURL}${odd}`, admin, method);
        if (status !== 400) seen.push(`${method} ${odd}: ${status}`);
      }
    }
  }
  for (const odd of ["/p/%ff", "/api/calls/%ff/status", "/clips/%ff", "/invite/%ff", "/p/%E3%80", "/p/%"]) {
    const { status } = await get(`${baseURL}${odd}`);
    if (status !== 400) seen.push(`GET ${odd}: ${status}`);
  }
  expect(seen).toEqual([]);
});

test("an id that is not a UUID answers 404, on the embed, the staff pages and targets.csv", async ({ baseURL }) => {
  const seen: string[] = [];
  const withIds = builtRoutes().filter(({ route }) => /\[(id|\w+Id)\]/.test(route));
  expect(withIds.map(({ route }) => route)).toEqual(expect.arrayContaining(["/embed/[pluginId]", "/admin/pages/[id]", "/admin/pages/[id]/plugins/[pluginId]/targets.csv"]));
  for (const { route } of withIds) {
    for (const odd of ["-".repeat(36), "0".repeat(36), "drop table pages", "5f0c2c1e-1b2a-4c3d-8e4f-0123456789abcd"]) {
      const url = route.replace(/\[(id|\w+Id)\]/g, encodeURIComponent(odd)).replace(/\[[^\]]+\]/g, "demo");
      const { status, body } = await get(`${baseURL}${url}`);
      if (status !== 404 || STACK_TRACE.test(body)) seen.push(`${url}: ${status}`);
    }
  }
  expect(seen).toEqual([]);
});

test("NUL bytes: refused in addresses and search boxes, dropped from upload names and simulator parameters", async ({ baseURL }) => {
  expect((await get(`${baseURL}/admin/pages?q=a%00b`)).status).toBe(400);
  expect((await get(`${baseURL}/p/demo%00`)).status).toBe(400);
  expect((await get(`${baseURL}/admin/calls?x=%00`)).status).toBe(400);

  const upload = new FormData();
  const clip = fs.readFileSync(path.resolve(import.meta.dirname, "../../lib/calltool/testing/message.mp3"));
  upload.append("file", new File([clip], "bee\u0000s.mp3", { type: "audio/mpeg" }));
  const uploaded = await fetch(`${baseURL}/api/clips`, { method: "POST", body: upload, headers: { cookie: admin, Origin: baseURL! } });
  expect(uploaded.status).toBe(201);
  expect((await uploaded.json()).clip.fileName).toBe("bees.mp3");

  const { accountSid, authToken } = simulatorCredentials();
  const rest = await fetch(`${baseURL}/dev/twilio/2010-04-01/Accounts/${accountSid}/Calls.json`, {
    method: "POST",
    headers: { Authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded" },
    // A number no other test rings (the virtual phone lists every call).
    body: new URLSearchParams({ To: "+44207946\u00000111", From: "+15005550006", Url: `${baseURL}/twilio/test-call\u0000`, StatusCallback: "\u0000" }).toString(),
  });
  expect(rest.status).toBeLessThan(500);
  expect(await rest.text()).not.toMatch(STACK_TRACE);
});

test("the sign-in's way back stays on this site, whatever callbackUrl holds", async ({ page, baseURL }) => {
  // Signed in already: /signin sends the visitor straight on.
  for (const callback of ["%2F%09%2Fevil.example", "%2F%5C%2Fevil.example", "%0A", "%2F%0A%2Fevil.example", "%E3%80%80", "%2Fadmin%E3%80%80x", "https%3A%2F%2Fevil.example"]) {
    const { status, location } = await get(`${baseURL}/signin?callbackUrl=${callback}`);
    expect(status, callback).toBeGreaterThanOrEqual(300);
    expect(status, callback).toBeLessThan(400);
    expect(new URL(location!, baseURL).origin, callback).toBe(new URL(baseURL!).origin);
  }
  // Signing in through the form.
  await page.goto("/signin?callbackUrl=%2F%09%2Fevil.example");
  await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await expect(page).toHaveURL(`${baseURL}/admin`);
});

test("a server action posted from another site is refused with 403, before it runs", async ({ baseURL }) => {
  const signInAction = builtActions().find((action) => action.name === "signInAction")!;
  for (const origin of ["https://evil.example", "null"]) {
    const body = new FormData();
    body.append("_1_email", DEMO_ADMIN.email);
    body.append("_1_password", DEMO_ADMIN.password);
    body.append("0", '[{},"$K1"]');
    const fetched = await fetch(`${baseURL}/signin`, { method: "POST", body, headers: { Origin: origin, "Next-Action": signInAction.id, Accept: "text/x-component" }, redirect: "manual" });
    expect(fetched.status, `fetch action from ${origin}`).toBe(403);
    expect(fetched.headers.getSetCookie()).toEqual([]);
  }
  // The same, as a form posted without JavaScript.
  const form = new FormData();
  form.append(`$ACTION_ID_${signInAction.id}`, "");
  const posted = await fetch(`${baseURL}/signin`, { method: "POST", body: form, headers: { Origin: "https://evil.example" }, redirect: "manual" });
  expect(posted.status).toBe(403);
});

test("an upload is refused with 413 once past the clip limit, even with no Content-Length and no end", async ({ baseURL }) => {
  const url = new URL("/api/clips", baseURL);
  const status = await new Promise<number>((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers: { cookie: admin, "Content-Type": "multipart/form-data; boundary=x", "Transfer-Encoding": "chunked" } });
    request.on("response", (response) => {
      resolve(response.statusCode!);
      response.resume();
      request.destroy();
    });
    request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
    request.write('--x\r\nContent-Disposition: form-data; name="file"; filename="endless.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n');
    const chunk = Buffer.alloc(256 * 1024, 1);
    let sent = 0;
    // Keep sending until the server answers; give up (and fail) after 64 MB.
    const pump = () => {
      while (!request.destroyed && sent < 64 * 1024 * 1024) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!request.destroyed) reject(new Error(`no answer after ${sent} bytes`));
    };
    pump();
  });
  expect(status).toBe(413);
  expect((await fetch(`${baseURL}/api/health`)).status).toBe(200);
});
