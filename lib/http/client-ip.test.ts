import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const headers = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

describe("clientIp", () => {
  it("uses the socket address Next.js put in the header when there is no proxy", () => {
    expect(clientIp(headers("203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("ignores what the client claimed to the left of what the proxy appended", () => {
    expect(clientIp(headers("1.1.1.1, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIp(headers("1.1.1.1, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
  });

  it("falls back when the header is missing", () => {
    expect(clientIp(headers(), 0)).toBe("unknown");
  });
});
