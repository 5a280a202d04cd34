import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEdge } from "./index.mjs";
import { configureEdge, installEdge } from "./state.mjs";

const script = "self.__next_f.push([1,\"x\"])";
const page = `<!DOCTYPE html><html><body>${"<p>filler</p>".repeat(200)}<script src="/a.js"></script><script>${script}</script></body></html>`;
let seen: http.IncomingHttpHeaders = {};

// Writes the way Next.js does: headers set first, then flushHeaders(), chunks, end().
async function fakeNext(req: http.IncomingMessage, res: http.ServerResponse) {
  seen = req.headers;
  if (req.url === "/page") {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.flushHeaders();
    res.write(page.slice(0, 100));
    await new Promise((resolve) => setTimeout(resolve, 5));
    res.write(Buffer.from(page.slice(100)));
    res.end();
  } else if (req.url === "/json") {
    res.writeHead(201, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ ok: true }));
  } else {
    res.statusCode = 404;
    res.end();
  }
}

describe("the edge in front of Next.js", () => {
  const server = http.createServer();
  let base = "";
  beforeAll(async () => {
    installEdge();
    configureEdge({ trustedProxies: 0, publicUrl: "https://calls.example.org", dev: false });
    server.on("request", createEdge(fakeNext, { routes: ["/page", "/json", "/embed/[pluginId]"] }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends a page whole, compressed, with a CSP naming the hash of its inline script", async () => {
    const response = await fetch(`${base}/page`, { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(await response.text()).toBe(page);
    const hash = createHash("sha256").update(script).digest("base64");
    expect(response.headers.get("content-security-policy")).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("passes other responses through with the common headers and no CSP", async () => {
    const response = await fetch(`${base}/json`);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("hands Next.js the socket's address, not the one the client forged", async () => {
    await fetch(`${base}/json`, { headers: { "X-Forwarded-For": "6.6.6.6", "X-Forwarded-Host": "evil.example" } });
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen["x-forwarded-host"]).toBeUndefined();
  });

  it("answers malformed addresses and ids before Next.js sees them", async () => {
    seen = {};
    expect((await fetch(`${base}/p/%ff`)).status).toBe(400);
    expect((await fetch(`${base}/embed/${"0".repeat(36)}`)).status).toBe(404);
    expect(seen).toEqual({});
  });
});
