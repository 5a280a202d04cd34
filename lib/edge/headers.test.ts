import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { baseHeaders, contentSecurityPolicy, inlineScriptHashes } from "./headers.mjs";

const config = { trustedProxies: 0, publicUrl: "http://localhost:3000", dev: false };
const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe("inlineScriptHashes", () => {
  it("hashes each distinct inline script exactly as written, and skips external ones", () => {
    const html = `<script src="/_next/a.js" async=""></script><script>(self.__next_f=self.__next_f||[]).push([0])</script>
      <script id="_R_">x("é")</script><SCRIPT>(self.__next_f=self.__next_f||[]).push([0])</SCRIPT><script>
multi
line</script >`;
    expect(inlineScriptHashes(html)).toEqual([sha("(self.__next_f=self.__next_f||[]).push([0])"), sha('x("é")'), sha("\nmulti\nline")]);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts only from the app and by hash, and no plugins or base changes", () => {
    const policy = contentSecurityPolicy({ path: "/p/demo", config, scriptHashes: ["'sha256-abc'"] });
    expect(policy).toContain("script-src 'self' 'sha256-abc';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe-eval|upgrade-insecure-requests|script-src[^;]*unsafe-inline/);
  });

  it("lets any site frame the embed, and upgrades requests behind https", () => {
    const policy = contentSecurityPolicy({ path: "/embed/5f0c2c1e-0000-4000-8000-000000000000", config: { ...config, publicUrl: "https://calls.example.org" }, scriptHashes: [] });
    expect(policy).toContain("frame-ancestors *");
    expect(policy).toContain("upgrade-insecure-requests");
  });
});

describe("baseHeaders", () => {
  it("denies framing except on /embed, and sends HSTS only behind https", () => {
    expect(baseHeaders({ path: "/admin", config })).toMatchObject({ "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin" });
    expect(baseHeaders({ path: "/admin", config })).not.toHaveProperty("Strict-Transport-Security");
    expect(baseHeaders({ path: "/embed/x", config })).not.toHaveProperty("X-Frame-Options");
    expect(baseHeaders({ path: "/embedded", config })).toHaveProperty("X-Frame-Options", "DENY");
    expect(baseHeaders({ path: "/", config: { ...config, publicUrl: "https://calls.example.org" } })).toHaveProperty("Strict-Transport-Security");
  });
});

describe("the microphone", () => {
  const microphone = (path: string) => /microphone=([^,]*)/.exec(baseHeaders({ path, config })["Permissions-Policy"] ?? "")?.[1];

  it("is the app's own in the admin, where the call tool editor records clips, and off everywhere else", () => {
    expect(microphone("/admin/pages/5f0c2c1e-0000-4000-8000-000000000000/plugins/5f0c2c1e-0000-4000-8000-000000000001")).toBe("(self)");
    expect(microphone("/admin")).toBe("(self)");
    for (const path of ["/p/demo", "/p/demo/view", "/embed/x", "/embed.js", "/administrator", "/", "/signin"]) expect(microphone(path), path).toBe("()");
    expect(baseHeaders({ path: "/admin", config })["Permissions-Policy"]).toMatch(/camera=\(\)/);
  });

  it("lets a recording play back before it is saved (blob: media)", () => {
    const media = /media-src ([^;]*)/.exec(contentSecurityPolicy({ path: "/admin", config, scriptHashes: [] }))?.[1];
    expect(media?.split(" ")).toEqual(expect.arrayContaining(["'self'", "blob:"]));
  });
});
