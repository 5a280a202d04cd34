import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { Page } from "@playwright/test";
import { anyJson, fuzzParameters, oddText } from "../../lib/testing/fuzz";
import { expect, test } from "../fixtures";
import { cookieHeader, DEMO_ADMIN, PUBLISHED_DEMO_PASSWORD, signIn } from "../helpers";
import { freePort, startApp } from "../server";
import { builtActions, builtRoutes } from "./build";
import { accessOf } from "./policy";
import { STACK_TRACE } from "./sweep";
import { signedPost, simulatorCredentials } from "./twilio";

// Property-based fuzzing of what takes input from outside, against a production server of its own
// (so the calls and limits it uses up touch no other test). Every answer: no 5xx, no stack trace,
// and a redirect only ever to this site.

let app: ReturnType<typeof startApp>;
let dataDir: string;
let admin: string;
let targetIds: string[];
let pluginId: string;

async function firstSignIn(page: Page, base: string) {
  await page.goto(`${base}/signin`);
  await signIn(page, DEMO_ADMIN.email, PUBLISHED_DEMO_PASSWORD);
  await page.getByLabel("Current password").fill(PUBLISHED_DEMO_PASSWORD);
  await page.getByLabel("New password").fill(DEMO_ADMIN.password);
  await page.getByLabel("Type it again").fill(DEMO_ADMIN.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(`${base}/admin`);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  app = startApp(await freePort(), {});
  dataDir = app.dataDir;
  await app.ready();
  const page = await browser.newPage();
  await firstSignIn(page, app.url);
  admin = await cookieHeader(page);
  await page.goto(`${app.url}/p/demo`);
  targetIds = await page.locator("input[name=target_id]").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  pluginId = (await page.locator("section[aria-labelledby^='call-tool-']").first().getAttribute("aria-labelledby"))!.replace("call-tool-", "");
  await page.context().close();
});

test.afterAll(async () => {
  await app?.stop();
});

type Answer = { status: number; location: string | null; body: string };

async function send(route: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(`${app.url}${route}`, { ...init, redirect: "manual" });
  return { status: response.status, location: response.headers.get("location"), body: await response.text() };
}

function expectSound(answer: Answer, what: string) {
  expect(answer.status, what).toBeLessThan(500);
  expect(answer.body, what).not.toMatch(STACK_TRACE);
  if (answer.location) expect(new URL(answer.location, app.url).origin, `${what}: redirected to ${answer.location}`).toBe(new URL(app.url).origin);
}

/** A request body of any kind: JSON, a form, multipart, or bytes under any Content-Type. */
const requestBody = (fields: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    fields.map((value) => ({ headers: { "Content-Type": "application/json" }, body: JSON.stringify(value) })),
    fields.map((value) => ({
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(Object.entries(value).map(([key, item]) => [key, typeof item === "string" ? item : JSON.stringify(item)])).toString(),
    })),
    fields.map((value) => {
      const form = new FormData();
      for (const [key, item] of Object.entries(value)) form.append(key, typeof item === "string" ? item : JSON.stringify(item ?? null));
      return { headers: {} as Record<string, string>, body: form as BodyInit };
    }),
    fc.record({ type: fc.constantFrom("application/json", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", ""), bytes: fc.uint8Array({ maxLength: 2000 }) }).map(
      ({ type, bytes }) => ({ headers: type ? { "Content-Type": type } : ({} as Record<string, string>), body: bytes as BodyInit }),
    ),
  );

test("POST /api/call: whatever arrives, an answer that is no 5xx, no stack trace and no redirect elsewhere", async () => {
  const fields = fc.record(
    {
      target_id: fc.oneof(fc.constantFrom(...targetIds), fc.uuid(), oddText(), anyJson()),
      member_phone_number: fc.oneof(oddText(), fc.stringMatching(/^\+44 ?20 ?7946 ?0\d{3}$/), anyJson()),
      member_country: fc.oneof(fc.constantFrom("GB", "US", "ES", "FR", "XX", "gb"), oddText()),
      return_to: fc.oneof(fc.constantFrom("/p/demo", "//evil.example", "/\t/evil.example", "https://evil.example", "/p/demo?x=1"), oddText()),
    },
    { requiredKeys: [] },
  );
  const extra = fc.dictionary(oddText(20), anyJson(), { maxKeys: 3 });
  await fc.assert(
    fc.asyncProperty(requestBody(fc.tuple(fields, extra).map(([known, more]) => ({ ...more, ...known }))), fc.boolean(), async ({ headers, body }, wantsJson) => {
      const answer = await send("/api/call", { method: "POST", headers: { ...headers, ...(wantsJson ? { Accept: "application/json" } : {}) }, body });
      expectSound(answer, `POST /api/call with ${typeof body === "string" ? body.slice(0, 200) : "a body"}`);
    }),
    fuzzParameters(60),
  );
});

test("POST /api/clips: any file, name, field and form, as staff", async () => {
  const mp3 = fs.readFileSync(path.resolve(import.meta.dirname, "../../lib/calltool/testing/message.mp3"));
  const content = fc.oneof(
    fc.uint8Array({ maxLength: 4096 }),
    fc.nat({ max: mp3.length }).map((cut) => new Uint8Array(mp3.subarray(0, cut))),
    fc.constant(new Uint8Array(mp3)),
  );
  const upload = fc.record({ field: fc.oneof(fc.constant("file"), oddText(20)), name: oddText(), type: oddText(40), content, extra: fc.dictionary(oddText(20), oddText(), { maxKeys: 2 }) });
  await fc.assert(
    fc.asyncProperty(fc.oneof(upload.map((value) => ({ kind: "multipart" as const, ...value })), requestBody(fc.dictionary(oddText(20), anyJson()))), async (input) => {
      let init: RequestInit;
      if ("kind" in input) {
        const form = new FormData();
        form.append(input.field, new File([input.content], input.name, { type: input.type }));
        for (const [key, value] of Object.entries(input.extra)) form.append(key, value);
        init = { method: "POST", body: form, headers: { cookie: admin } };
      } else {
        init = { method: "POST", body: input.body, headers: { ...input.headers, cookie: admin } };
      }
      const answer = await send("/api/clips", init);
      expectSound(answer, "POST /api/clips");
      expect([401, 403], "the upload got past the session check").not.toContain(answer.status);
      if (answer.status === 201) expect(JSON.parse(answer.body).clip.fileName).not.toContain("\u0000");
    }),
    fuzzParameters(40),
  );
});

test("every Twilio-facing route, with valid signatures on whatever parameters", async () => {
  const { authToken } = simulatorCredentials(dataDir);
  // A real call to aim at, beside made-up ids.
  const placed = await send("/api/call", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ target_id: targetIds[0], member_phone_number: "+442079460555" }) });
  const callId = (JSON.parse(placed.body) as { call_id?: string }).call_id ?? randomUUID();
  const routes = builtRoutes().filter((route) => accessOf(route.route) === "twilio").map((route) => route.route);
  expect(routes.length).toBeGreaterThan(0);

  const twilioKeys = ["CallSid", "AccountSid", "CallStatus", "Digits", "SequenceNumber", "DialCallStatus", "DialCallDuration", "AnsweredBy", "From", "To", "Called", "CallDuration", "Timestamp", "CallbackSource", "ErrorCode", "Direction"];
  const value = fc.oneof(oddText(), fc.constantFrom("completed", "busy", "no-answer", "in-progress", "ringing", "failed", "canceled", "1", "2", "9", "#", "human", "machine_start"), fc.integer().map(String));
  const params = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...twilioKeys), oddText(20)), value), { maxLength: 10 });
  const query = fc.dictionary(fc.constantFrom("attempt", "round", "step", "lang", "x"), oddText(20), { maxKeys: 2 });
  const id = fc.oneof(fc.constant(callId), fc.uuid(), oddText(40));
  const statuses: number[] = [];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...routes), id, params, query, async (route, callRef, body, search) => {
      const pathname = route.replace(/\[[^\]]+\]/g, () => encodeURIComponent(callRef));
      const qs = new URLSearchParams(search).toString();
      const target = `${pathname}${qs ? `?${qs}` : ""}`;
      const answer = await send(target, signedPost(`${app.url}${target}`, body, authToken));
      expectSound(answer, `POST ${target}`);
      statuses.push(answer.status);
    }),
    fuzzParameters(80),
  );
  // The fuzzing reached the handlers: most requests passed the signature check (NUL bytes in a parameter, which Twilio never sends, do not).
  expect(statuses.filter((status) => status !== 403).length).toBeGreaterThan(statuses.length / 2);
});

test("the targets import, as CSV and as JSON, through the editor's own actions", async () => {
  const action = (name: string) => builtActions().find((entry) => entry.name === name)!;
  const callAction = async (name: string, fields: Record<string, string | File>) => {
    const body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value);
    body.append("0", '[{},"$K1"]');
    return send(`/admin/pages/${randomUUID()}/plugins/${pluginId}`, {
      method: "POST",
      body,
      headers: { cookie: admin, Origin: app.url, "Next-Action": action(name).id, Accept: "text/x-component" },
    });
  };
  const targetsNow = async () => (await send(`/admin/pages/x/plugins/${pluginId}/targets.csv`, { headers: { cookie: admin } })).body;
  const before = await targetsNow();

  const cell = fc.oneof(oddText(30), fc.constantFrom("GB", "US", "+44 20 7946 0018", "020 7946 0991", "Ada Lovelace", '"quoted, with comma"', "=HYPERLINK()", ""));
  const header = fc.oneof(fc.constant(["name", "title", "phone", "extension", "country", "caller_id"]), fc.array(fc.oneof(cell, fc.constantFrom("name", "phone", "country", "id")), { maxLength: 8 }));
  const csv = fc
    .tuple(header, fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }), fc.boolean(), fc.constantFrom("\n", "\r\n"))
    .map(([columns, rows, bom, newline]) => `${bom ? "\uFEFF" : ""}${[columns, ...rows].map((row) => row.join(",")).join(newline)}`);
  // Versions that can name no saved version, so every import below must be refused as stale or invalid.
  const staleVersion = oddText(12).filter((text) => !(Number.isFinite(Number(text)) && Number(text) >= 0 && Number(text) < 1e6));
  const json = fc.oneof(fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)), oddText(), fc.array(fc.dictionary(fc.constantFrom("name", "title", "phone", "country", "extension", "id", "attributes", "__proto__"), anyJson()), { maxLength: 5 }).map((rows) => JSON.stringify(rows)));

  await fc.assert(
    fc.asyncProperty(fc.oneof(csv.map((text) => ({ kind: "csv" as const, text })), json.map((text) => ({ kind: "json" as const, text }))), staleVersion, async (input, version) => {
      const answers =
        input.kind === "csv"
          ? [await callAction("previewImportAction", { pluginId, file: new File([input.text], "targets.csv", { type: "text/csv" }) }), await callAction("applyImportAction", { pluginId, version, csv: input.text })]
          : [await callAction("saveTargetsAction", { pluginId, version, targets: input.text })];
      for (const answer of answers) {
        expectSound(answer, `${input.kind} import of ${input.text.slice(0, 200)}`);
        expect(answer.body, "the action got past the session check").not.toMatch(/Your session has ended|Your role does not allow/);
      }
    }),
    fuzzParameters(40),
  );
  // Every version above is made up, so nothing may have been saved: a stale or refused import changes nothing.
  expect(await targetsNow()).toBe(before);
});
