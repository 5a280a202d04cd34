import { createHash } from "node:crypto";
import { EMBED_SCRIPT } from "@/lib/pages/embed-script";

// The partners' script embed (lib/pages/embed-script.ts): the same bytes for everyone, cached by browsers and CDNs for an hour.
const ETAG = `"${createHash("sha256").update(EMBED_SCRIPT).digest("base64url").slice(0, 22)}"`;
const HEADERS = {
  "Content-Type": "text/javascript; charset=utf-8",
  "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
  ETag: ETAG,
  // Partners' pages load it from their own origin.
  "Cross-Origin-Resource-Policy": "cross-origin",
};

export function GET(request: Request) {
  if (request.headers.get("if-none-match") === ETAG) return new Response(null, { status: 304, headers: HEADERS });
  return new Response(EMBED_SCRIPT, { headers: HEADERS });
}
