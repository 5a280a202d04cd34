import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { startHttpServer } from "@/lib/telephony/testing/http-server";

/**
 * A local uploadthing: the ingest server, the REST API and the file CDN, each
 * on its own 127.0.0.1 port, doing only what `UTApi.uploadFiles` and
 * `UTApi.deleteFiles` of uploadthing 7.7.4 need. Every contract below is read
 * from node_modules so a reader can check it:
 *
 * Token — uploadthing/dist/shared-schemas-*.js `UploadThingToken`/`ParsedToken`:
 *   base64 of JSON { apiKey: "sk_…", appId, regions: [non-empty], ingestHost? }.
 *
 * Config — uploadthing/dist/upload-builder-*.js `UTToken`, `ApiUrl`,
 *   `IngestUrl`: the token, apiUrl and ingestUrl options given to `new UTApi`.
 *
 * Upload — no API call: the SDK signs the ingest URL itself
 *   (uploadthing/server/index.js `generatePresignedUrl`,
 *   `uploadWithoutProgress`, `uploadFile`):
 *   PUT {ingestUrl}/{key}?expires=<ms>&x-ut-identifier=<appId>&x-ut-file-name
 *     &x-ut-file-size&x-ut-file-type[&x-ut-custom-id]&x-ut-content-disposition
 *     [&x-ut-acl]&signature=hmac-sha256=<hex>
 *   Each x-ut-* value is encodeURIComponent'd before URLSearchParams encodes it
 *   again; the HMAC-SHA256 (key = apiKey) covers the whole URL as it stood
 *   before `signature` was appended (@uploadthing/shared/dist/index.js
 *   `generateSignedURL`, `signPayload`). Body: multipart form, one part "file".
 *   Headers: `Range: bytes=0-`, `x-uploadthing-version: 7.7.4`. The SDK needs a
 *   2xx (HttpClient.filterStatusOk) and reads { url, appUrl, ufsUrl, fileHash }
 *   from the JSON; any other status becomes { code: "UPLOAD_FAILED" }.
 *   Resuming (HEAD → x-ut-range-start, Range: bytes=N-) is the browser
 *   client's (uploadthing/client/index.js) and is refused here.
 *
 * Delete — uploadthing/server/index.js `requestUploadThing`, `deleteFiles`:
 *   POST {apiUrl}/v6/deleteFiles, JSON { fileKeys: [...] } (or { customIds }),
 *   headers x-uploadthing-api-key, x-uploadthing-version,
 *   x-uploadthing-be-adapter: server-sdk. Answer { success, deletedCount }.
 *
 * The SDK only logs error bodies, never acts on them, so their statuses and
 * `{ error }` shape are this fake's guess at the service, not a checked
 * contract; so are the size and expiry checks, which follow uploadthing's
 * docs ("the upload will fail if any parameter doesn't match").
 */

export type FakeUploadedFile = { name: string; type: string; bytes: Uint8Array };

export type FakeUploadthing = {
  apiUrl: string;
  ingestUrl: string;
  token: string;
  files: Map<string, FakeUploadedFile>;
  close(): Promise<void>;
};

export type UploadthingTokenFields = { apiKey: string; appId: string; regions: string[] };

export function encodeUploadthingToken(fields: UploadthingTokenFields): string {
  return Buffer.from(JSON.stringify(fields)).toString("base64");
}

export function decodeUploadthingToken(token: string): UploadthingTokenFields {
  return JSON.parse(Buffer.from(token, "base64").toString("utf8")) as UploadthingTokenFields;
}

export async function startFakeUploadthing(): Promise<FakeUploadthing> {
  const apiKey = `sk_test_${randomBytes(16).toString("hex")}`;
  const appId = `fake${randomBytes(5).toString("hex")}`;
  const files = new Map<string, FakeUploadedFile>();

  const cdn = await startHttpServer((request) => serveFile(request, files, appId));
  const ingest = await startHttpServer((request) => receiveUpload(request, { apiKey, appId, cdnUrl: cdn.url, files }));
  const api = await startHttpServer((request) => answerApi(request, apiKey, files));

  return {
    apiUrl: api.url,
    ingestUrl: ingest.url,
    token: encodeUploadthingToken({ apiKey, appId, regions: ["fra1"] }),
    files,
    close: async () => {
      await Promise.all([api.close(), ingest.close(), cdn.close()]);
    },
  };
}

type IngestContext = { apiKey: string; appId: string; cdnUrl: string; files: Map<string, FakeUploadedFile> };

async function receiveUpload(request: Request, context: IngestContext): Promise<Response> {
  const url = new URL(request.url);
  const key = url.pathname.slice(1);
  if (request.method !== "PUT" || !/^[A-Za-z0-9_-]+$/.test(key)) return failure(404, "Not found");

  const refusal = checkSignedUrl(url, context);
  if (refusal) return failure(403, refusal);

  const range = request.headers.get("range");
  if (range !== null && range !== "bytes=0-") return failure(416, "This fake only takes whole uploads (Range: bytes=0-)");

  const part = (await request.formData()).get("file");
  if (part === null || typeof part === "string") return failure(400, 'Expected a multipart "file" part');
  const bytes = new Uint8Array(await part.arrayBuffer());
  if (String(bytes.length) !== signedParam(url, "x-ut-file-size")) return failure(400, "File size does not match the signed x-ut-file-size");

  context.files.set(key, {
    name: signedParam(url, "x-ut-file-name") ?? part.name,
    type: signedParam(url, "x-ut-file-type") || part.type || "application/octet-stream",
    bytes,
  });
  return Response.json({
    url: `${context.cdnUrl}/f/${key}`,
    appUrl: `${context.cdnUrl}/a/${context.appId}/${key}`,
    // The real ufsUrl is https://<appId>.ufs.sh/f/<key>; a subdomain of
    // 127.0.0.1 does not resolve, so this uses uploadthing's path form instead.
    ufsUrl: `${context.cdnUrl}/a/${context.appId}/${key}`,
    fileHash: createHash("md5").update(bytes).digest("hex"),
    serverData: null,
  });
}

/** Why the presigned URL is not one this app's API key signed, or null if it is. */
function checkSignedUrl(url: URL, context: IngestContext): string | null {
  const signature = url.searchParams.get("signature");
  if (!signature?.startsWith("hmac-sha256=")) return "Missing signature";
  if (signedParam(url, "x-ut-identifier") !== context.appId) return "Unknown app";

  const signed = new URL(url);
  signed.searchParams.delete("signature");
  const expected = Buffer.from(createHmac("sha256", context.apiKey).update(signed.toString()).digest("hex"));
  const given = Buffer.from(signature.slice("hmac-sha256=".length));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "Invalid signature";

  if (!(Number(url.searchParams.get("expires")) > Date.now())) return "Presigned URL has expired";
  return null;
}

/** x-ut-* values arrive encoded twice; URLSearchParams undoes only one layer. */
function signedParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  return value === null ? null : decodeURIComponent(value);
}

async function answerApi(request: Request, apiKey: string, files: Map<string, FakeUploadedFile>): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (request.method !== "POST" || pathname !== "/v6/deleteFiles") return failure(404, "Not found");
  if (request.headers.get("x-uploadthing-api-key") !== apiKey) return failure(401, "Invalid API key");

  const body: unknown = await request.json().catch(() => null);
  const keys = stringList(body, "fileKeys");
  // This fake never stores customIds, so deleting by them finds nothing.
  if (!keys) return stringList(body, "customIds") ? Response.json({ success: true, deletedCount: 0 }) : failure(400, "Expected fileKeys or customIds");

  const deletedCount = keys.filter((key) => files.delete(key)).length;
  return Response.json({ success: true, deletedCount });
}

function stringList(body: unknown, field: string): string[] | null {
  if (typeof body !== "object" || body === null || !(field in body)) return null;
  const value: unknown = (body as Record<string, unknown>)[field];
  return Array.isArray(value) && value.every((item) => typeof item === "string") ? value : null;
}

function serveFile(request: Request, files: Map<string, FakeUploadedFile>, appId: string): Response {
  const match = /^\/(?:f|a\/([^/]+))\/([^/]+)$/.exec(new URL(request.url).pathname);
  const file = match && (match[1] === undefined || match[1] === appId) && match[2] ? files.get(match[2]) : undefined;
  if (request.method !== "GET" || !file) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.bytes), { headers: { "Content-Type": file.type } });
}

function failure(status: number, error: string): Response {
  return Response.json({ error }, { status });
}
