import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { applyTestTelephonyEnv } from "./testing/env";

const root = path.resolve(import.meta.dirname, "../..");
// Every route Twilio calls lives under one of these folders.
const TWILIO_FOLDERS = ["app/twilio", "app/twilio-webhook"];

function twilioRouteFiles(): string[] {
  return TWILIO_FOLDERS.flatMap((folder) => {
    const absolute = path.join(root, folder);
    if (!fs.existsSync(absolute)) return [];
    return (fs.readdirSync(absolute, { recursive: true }) as string[])
      .filter((file) => path.basename(file) === "route.ts")
      .map((file) => path.join(folder, file));
  });
}

describe("every Twilio-facing route", () => {
  beforeAll(() => applyTestTelephonyEnv());
  const files = twilioRouteFiles();

  it("is found", () => {
    expect(files).toContain(path.join("app/twilio/test-call/route.ts"));
  });

  it.each(files)("%s refuses forged and missing signatures with 403", async (file) => {
    const routeModule = (await import(path.join(root, file))) as Record<string, unknown>;
    const handlers = ["GET", "POST"].filter((method) => typeof routeModule[method] === "function");
    expect(handlers.length).toBeGreaterThan(0);
    // Dynamic segments get a plausible value; the signature check comes before any use of it.
    const urlPath = `/${file.replace(/^app\//, "").replace(/\/route\.ts$/, "").replace(/\[[^\]]+\]/g, "1")}`;
    for (const method of handlers) {
      const handler = routeModule[method] as (request: Request, context: unknown) => Promise<Response>;
      for (const signature of [undefined, "bm90IGEgcmVhbCBzaWduYXR1cmU="]) {
        const request = new Request(`https://calls.example.test${urlPath}?step=start`, {
          method,
          headers: { "Content-Type": "application/x-www-form-urlencoded", ...(signature ? { "X-Twilio-Signature": signature } : {}) },
          body: method === "POST" ? "CallSid=CA00000000000000000000000000000000&CallStatus=in-progress" : undefined,
        });
        const response = await handler(request, { params: Promise.resolve(new Proxy({}, { get: () => "1" })) });
        expect(response.status, `${method} ${urlPath} with ${signature ? "a forged" : "no"} signature`).toBe(403);
      }
    }
  });
});
