import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./redirect";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/admin/users?x=1")).toBe("/admin/users?x=1");
  });
  it("refuses other sites and odd values", () => {
    for (const value of ["https://evil.example", "//evil.example", "/\\evil.example", "admin", undefined, 42]) {
      expect(safeCallbackPath(value)).toBe("/admin");
    }
  });
});
