import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { forwardClientAddress, refusal, socketAddress } from "./request.mjs";

const request = (url: string, headers: Record<string, string> = {}, method = "GET", remoteAddress = "::ffff:203.0.113.7") =>
  ({ url, method, headers: { host: "calls.example.org", ...headers }, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe("forwardClientAddress", () => {
  it("replaces whatever the client claimed with the socket's address when no proxy is trusted", () => {
    const req = request("/", { "x-forwarded-for": "1.1.1.1", "x-forwarded-host": "evil.example", forwarded: "for=1.1.1.1", "x-real-ip": "1.1.1.1" });
    forwardClientAddress(req, 0);
    expect(req.headers).toEqual({ host: "calls.example.org", "x-forwarded-for": "203.0.113.7" });
  });

  it("appends the socket's address to what trusted proxies sent", () => {
    const req = request("/", { "x-forwarded-for": "1.1.1.1, 198.51.100.4", "x-forwarded-host": "calls.example.org" }, "GET", "10.0.0.2");
    forwardClientAddress(req, 1);
    expect(req.headers["x-forwarded-for"]).toBe("1.1.1.1, 198.51.100.4, 10.0.0.2");
    expect(req.headers["x-forwarded-host"]).toBe("calls.example.org");
  });

  it("writes IPv4 clients of a dual-stack socket as IPv4", () => {
    expect(socketAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(socketAddress("::1")).toBe("::1");
    expect(socketAddress(undefined)).toBe("unknown");
  });
});

describe("refusal", () => {
  it("refuses malformed percent-encoding anywhere in the path with a 400", () => {
    for (const url of ["/p/%ff", "/api/calls/%ff/status", "/clips/%ff", "/invite/%ff", "/%E3%80", "/a%zz"]) {
      expect(refusal(request(url)), url).toMatchObject({ status: 400 });
    }
  });

  it("refuses a NUL byte in the path or the query", () => {
    for (const url of ["/p/demo%00", "/admin/pages?q=a%00b", "/dev/phone/api/calls?x=%00"]) {
      expect(refusal(request(url)), url).toMatchObject({ status: 400, message: expect.stringContaining("NUL") });
    }
  });

  it("lets well-formed addresses through, including encoded characters and odd queries", () => {
    for (const url of ["/", "/p/demo", "/p/caf%C3%A9", "/admin/pages?q=%25", "/p/demo?x=%ff", "/signin?callbackUrl=%2F%09%2Fevil.example"]) {
      expect(refusal(request(url)), url).toBeNull();
    }
  });

  it("refuses a body announced larger than any route takes", () => {
    expect(refusal(request("/api/clips", { "content-length": String(17 * 1024 * 1024) }, "POST"))).toMatchObject({ status: 413 });
    expect(refusal(request("/api/clips", { "content-length": String(10 * 1024 * 1024) }, "POST"))).toBeNull();
  });

  it("refuses a state-changing request from another site, as Next.js would for a server action, but with a 403", () => {
    expect(refusal(request("/admin/users", { origin: "https://evil.example" }, "POST"))).toMatchObject({ status: 403 });
    expect(refusal(request("/admin/users", { origin: "null" }, "POST"))).toMatchObject({ status: 403 });
    expect(refusal(request("/admin/users", { origin: "not a url" }, "POST"))).toMatchObject({ status: 403 });
    expect(refusal(request("/admin/users", { origin: "https://calls.example.org" }, "POST"))).toBeNull();
    // Twilio and other servers send no Origin; reading is never refused.
    expect(refusal(request("/twilio/calls/x/start", {}, "POST"))).toBeNull();
    expect(refusal(request("/p/demo", { origin: "https://evil.example" }, "GET"))).toBeNull();
  });

  it("compares with the host a trusted proxy forwarded", () => {
    const req = request("/admin", { origin: "https://calls.example.org", host: "10.0.0.5:3000", "x-forwarded-host": "calls.example.org" }, "POST");
    expect(refusal(req)).toBeNull();
  });
});
