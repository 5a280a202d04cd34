import http from "node:http";
import { expect, test } from "../fixtures";
import { freePort, startApp } from "../server";

// Issue 10 point 7: the security headers, on the member page, the admin, the embed and the API.

function directives(policy: string | null): Map<string, string[]> {
  return new Map((policy ?? "").split(";").map((directive) => directive.trim().split(/\s+/)).filter(([name]) => name).map(([name, ...values]) => [name!, values]));
}

async function pluginId(page: import("@playwright/test").Page): Promise<string> {
  await page.goto("/p/demo");
  return (await page.locator("section[aria-labelledby^='call-tool-']").first().getAttribute("aria-labelledby"))!.replace("call-tool-", "");
}

test("pages carry a strict CSP; only the embed may be framed, by anyone", async ({ page, request }) => {
  const embed = `/embed/${await pluginId(page)}`;
  for (const path of ["/p/demo", "/signin", "/admin", embed]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const csp = directives(headers["content-security-policy"] ?? null);
    if (response.headers()["content-type"]?.startsWith("text/html")) {
      const scripts = csp.get("script-src") ?? [];
      expect(scripts, path).toContain("'self'");
      expect(scripts.filter((source) => /^'(sha256|sha384|sha512|nonce)-/.test(source)).length, `${path}: inline scripts are allowed by hash or nonce`).toBeGreaterThan(0);
      expect(scripts, path).not.toContain("'unsafe-inline'");
      expect(scripts, path).not.toContain("'unsafe-eval'");
      expect(csp.get("object-src"), path).toEqual(["'none'"]);
      expect(csp.get("base-uri"), path).toEqual(["'self'"]);
      expect(csp.get("frame-ancestors"), path).toEqual(path === embed ? ["*"] : ["'none'"]);
    }
    expect(headers["x-frame-options"], path).toBe(path === embed ? undefined : "DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toMatch(/camera=\(\)/);
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["strict-transport-security"], `${path}: PUBLIC_URL is http here`).toBeUndefined();
  }
});

test("the API answers carry the same headers", async ({ request }) => {
  for (const response of [await request.get("/api/health"), await request.post("/api/call", { data: {} })]) {
    const headers = response.headers();
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["permissions-policy"]).toBeTruthy();
  }
});

test.describe(() => {
  test.use({ allowedCspViolations: [/frame-ancestors/] });
  test("a browser frames the embed on another site, and refuses to frame the member page or the admin", async ({ page, baseURL }) => {
    const embed = `${baseURL}/embed/${await pluginId(page)}`;
    // A partner's site: another origin, served from this machine (Chromium keeps public sites from framing local addresses).
    const html = `<iframe id="embed" src="${embed}"></iframe><iframe id="page" src="${baseURL}/p/demo"></iframe><iframe id="admin" src="${baseURL}/signin"></iframe>`;
    const partner = http.createServer((_request, response) => response.writeHead(200, { "Content-Type": "text/html" }).end(html));
    const port = await freePort();
    await new Promise<void>((resolve) => partner.listen(port, "127.0.0.1", resolve));
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      await expect(page.frameLocator("#embed").getByRole("button", { name: "Call me now" })).toBeVisible();
      // Chromium replaces a frame its framing rules refuse with an error page.
      for (const id of ["page", "admin"]) {
        const frame = async () => (await (await page.locator(`#${id}`).elementHandle())?.contentFrame())?.url() ?? "";
        await expect.poll(frame, id).toMatch(/^chrome-error:/);
      }
    } finally {
      partner.close();
    }
  });
});

test("Strict-Transport-Security is sent when PUBLIC_URL is https", async () => {
  const app = startApp(await freePort(), { PUBLIC_URL: "https://calls.example.test" });
  try {
    await app.ready();
    for (const path of ["/", "/api/health"]) {
      expect((await fetch(`${app.url}${path}`)).headers.get("strict-transport-security"), path).toMatch(/^max-age=\d{7,}/);
    }
    expect((await fetch(`${app.url}/`)).headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  } finally {
    await app.stop();
  }
});
