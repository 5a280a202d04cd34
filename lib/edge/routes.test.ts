import { describe, expect, it } from "vitest";
import { unroutableGuard } from "./routes.mjs";

const routes = ["/_global-error", "/_not-found", "/", "/admin/pages", "/admin/pages/new", "/admin/pages/[id]", "/admin/pages/[id]/plugins/[pluginId]/targets.csv", "/embed/[pluginId]", "/p/[slug]", "/p/[slug]/calls/[callId]", "/clips/[key]", "/dev/twilio/[...path]", "/invite/[token]"];
const refuses = unroutableGuard(routes);
const uuid = "5f0c2c1e-1b2a-4c3d-8e4f-0123456789ab";

describe("unroutableGuard", () => {
  it("hides the framework's own entries", () => {
    expect(refuses("/_global-error")).toBe(true);
    expect(refuses("/_not-found/")).toBe(true);
    expect(refuses("/_next/static/chunks/a.js")).toBe(false);
  });

  it("refuses ids that are not UUIDs, wherever the route has one", () => {
    for (const path of ["/embed/" + "-".repeat(36), "/embed/" + "0".repeat(36), `/admin/pages/x/plugins/${"-".repeat(36)}/targets.csv`, "/admin/pages/drop table", `/p/demo/calls/${uuid}x`]) {
      expect(refuses(path), path).toBe(true);
    }
  });

  it("lets UUIDs, other parameters and static routes through", () => {
    for (const path of [`/embed/${uuid}`, `/embed/${uuid.toUpperCase()}`, "/admin/pages/new", `/admin/pages/${uuid}/plugins/${uuid}/targets.csv`, "/p/anything-at-all", "/clips/abc.mp3", "/dev/twilio/2010-04-01/x", "/invite/tok", `/p/demo/calls/${uuid}`]) {
      expect(refuses(path), path).toBe(false);
    }
  });

  it("leaves paths that match no route to the framework's 404", () => {
    expect(refuses("/nothing/here")).toBe(false);
    expect(refuses("/embed")).toBe(false);
  });
});
