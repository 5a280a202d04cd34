import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { EMBED_SCRIPT, embedScriptSnippet } from "./embed-script";

describe("the script embed", () => {
  it("is a snippet with the app's script, the tool's id and its title, quoted safely", () => {
    expect(embedScriptSnippet("https://calls.example.org/", "5f0c2c1e-0000-4000-8000-000000000000", `Call "your" MP <now> & then`)).toBe(
      '<script src="https://calls.example.org/embed.js" data-call-tool="5f0c2c1e-0000-4000-8000-000000000000" data-title="Call &quot;your&quot; MP &lt;now> &amp; then" async></script>',
    );
  });

  it("is small, and valid script (what it does is e2e/embed-script.spec.ts)", () => {
    expect(Buffer.byteLength(EMBED_SCRIPT)).toBeLessThan(1500);
    expect(gzipSync(EMBED_SCRIPT).byteLength).toBeLessThan(700);
    // It parses as a script.
    expect(() => new Function(EMBED_SCRIPT)).not.toThrow();
  });
});
