import { describe, expect, it } from "vitest";
import { statusPageFor } from "./status-page";

const id = "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

describe("a no-JavaScript form on a call's status page returns", () => {
  it("to that call's status page, on a member page or in an embed", () => {
    expect(statusPageFor(id, `/p/demo/calls/${id}`)).toBe(`/p/demo/calls/${id}`);
    expect(statusPageFor(id, `/embed/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/calls/${id}`)).toBe(`/embed/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/calls/${id}`);
  });
  it("home for anything else: another call's page, another site, a path with a query", () => {
    for (const returnTo of [`/p/demo/calls/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`, "https://evil.example/p/demo", `//evil.example/p/demo/calls/${id}`, `/p/demo/calls/${id}?x=1`, "", null]) {
      expect(statusPageFor(id, returnTo)).toBe("/");
    }
  });
});
