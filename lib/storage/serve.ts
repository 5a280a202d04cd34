import "server-only";
import fs from "node:fs";
import { Readable } from "node:stream";
import parseRange from "range-parser";
import { CONTENT_TYPES, localClipPath } from "./local";

/**
 * Serves a locally stored clip the way Twilio's <Play> and browsers expect:
 * its real Content-Type, a strong ETag, long caching (a key's content never
 * changes), HEAD, If-None-Match, and single byte ranges (206, or 416).
 */
export async function serveLocalClip(folder: string, key: string, request: Request): Promise<Response> {
  const file = localClipPath(folder, key);
  const stat = file ? await fs.promises.stat(file).catch(() => null) : null;
  if (!file || !stat?.isFile()) return new Response("Not found", { status: 404 });

  const etag = `"${key.split(".")[0]}-${stat.size.toString(36)}"`;
  const headers = new Headers({
    "Content-Type": CONTENT_TYPES[key.split(".").pop()!]!,
    ETag: etag,
    "Cache-Control": "public, max-age=31536000, immutable",
    "Accept-Ranges": "bytes",
    "Last-Modified": stat.mtime.toUTCString(),
  });
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

  let start = 0;
  let end = stat.size - 1;
  let status = 200;
  const range = request.headers.get("range");
  const ifRange = request.headers.get("if-range");
  if (range && (!ifRange || ifRange === etag)) {
    const ranges = parseRange(stat.size, range, { combine: true });
    if (ranges === -1) {
      headers.set("Content-Range", `bytes */${stat.size}`);
      return new Response(null, { status: 416, headers });
    }
    // A malformed header (-2) or several ranges: answer the whole file, as the RFC allows.
    if (ranges !== -2 && ranges.type === "bytes" && ranges.length === 1) {
      ({ start, end } = ranges[0]!);
      status = 206;
      headers.set("Content-Range", `bytes ${start}-${end}/${stat.size}`);
    }
  }
  headers.set("Content-Length", String(end - start + 1));
  if (request.method === "HEAD") return new Response(null, { status, headers });
  const stream = Readable.toWeb(fs.createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status, headers });
}
