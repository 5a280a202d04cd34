import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./redirect";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/admin/users?x=1")).toBe("/admin/users?x=1");
    expect(safeCallbackPath("/admin/pages/../users")).toBe("/admin/users");
  });

  it("refuses other sites and odd values", () => {
    for (const value of ["https://evil.example", "//evil.example", "/\\evil.example", "admin", undefined, 42, "/" + "a".repeat(3000)]) {
      expect(safeCallbackPath(value)).toBe("/admin");
    }
  });

  it("refuses what the URL parser turns into another site: tabs, newlines and backslashes", () => {
    for (const value of ["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "\\/evil.example", "/\\/evil.example", "/\t\\evil.example"]) {
      expect(safeCallbackPath(value), JSON.stringify(value)).toBe("/admin");
    }
  });

  it("answers something fit for a Location header, whatever characters came in", () => {
    for (const value of ["/\n", "/admin\u3000x", "/%0A", "/a b?c=d e#f g", "/\u0000"]) {
      const path = safeCallbackPath(value);
      expect(path, JSON.stringify(value)).toMatch(/^\/[\x21-\x7e]*$/);
      expect(() => new Headers({ Location: path })).not.toThrow();
    }
  });
});
