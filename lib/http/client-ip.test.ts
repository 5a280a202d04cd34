import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const headers = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

// The header as server.mjs leaves it: proxies' entries, then the socket's address.
describe("clientIp", () => {
  it("is the socket's address with no trusted proxy", () => {
    expect(clientIp(headers("203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("is the entry each trusted proxy appended, counted from the socket", () => {
    expect(clientIp(headers("1.1.1.1, 203.0.113.7, 10.0.0.2"), 1)).toBe("203.0.113.7");
    expect(clientIp(headers("1.1.1.1, 203.0.113.7, 10.0.0.3, 10.0.0.2"), 2)).toBe("203.0.113.7");
  });

  it("takes the farthest hop known when fewer proxies answered than configured", () => {
    expect(clientIp(headers("10.0.0.2"), 1)).toBe("10.0.0.2");
  });

  it("falls back when the header is missing", () => {
    expect(clientIp(headers(), 0)).toBe("unknown");
  });
});
