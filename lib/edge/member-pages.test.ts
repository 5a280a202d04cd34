import { describe, expect, it } from "vitest";
import { liveViewFor } from "./member-pages.mjs";

const visit = (url: string, cookie?: string, method = "GET") => liveViewFor({ method, url, headers: cookie ? { cookie } : {} });

describe("which visits to a member's page are rendered for themselves", () => {
  it("serves a plain visit, with any harmless query, from the cache", () => {
    expect(visit("/p/demo")).toBeNull();
    expect(visit("/p/demo?utm_source=newsletter")).toBeNull();
    expect(visit("/embed/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed")).toBeNull();
    expect(visit("/p/demo", "theme=dark")).toBeNull();
  });

  it("renders an address carrying form state at the page's /view, keeping the query", () => {
    expect(visit("/p/demo?filter_state=CA")).toBe("/p/demo/view?filter_state=CA");
    expect(visit("/p/demo?postcode=SW1A+1AA")).toBe("/p/demo/view?postcode=SW1A+1AA");
    expect(visit("/p/demo?error=x&sig=y&field=member_phone_number")).toBe("/p/demo/view?error=x&sig=y&field=member_phone_number");
    expect(visit("/embed/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed?target=abc")).toBe("/embed/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed/view?target=abc");
  });

  it("renders for signed-in visitors, who may preview drafts", () => {
    expect(visit("/p/demo", "authjs.session-token=abc")).toBe("/p/demo/view");
    expect(visit("/p/demo", "a=1; __Secure-authjs.session-token=abc")).toBe("/p/demo/view");
  });

  it("leaves other pages, deeper paths and other methods alone", () => {
    expect(visit("/p/demo/calls/1?error=x")).toBeNull();
    expect(visit("/admin/pages?filter_x=1")).toBeNull();
    expect(visit("/p/demo?error=x", undefined, "POST")).toBeNull();
  });
});
