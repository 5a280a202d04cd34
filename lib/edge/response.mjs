// @ts-check

/** @typedef {import("node:http").ServerResponse} ServerResponse */

/**
 * Holds an HTML response back until it is complete, then sends it at once
 * with the extra headers `headersFor(body)` returns (the page's CSP names the
 * hashes of its inline scripts, known only once the page is written). Any
 * other response passes straight through, streamed as Next.js writes it.
 *
 * The decision is taken when Next.js first sends headers or a byte, by which
 * time it has set the Content-Type.
 * @param {ServerResponse} res
 * @param {(body: Buffer) => Record<string, string>} headersFor
 */
export function holdHtml(res, headersFor) {
  const original = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
  /** @type {Buffer[]} */
  const chunks = [];
  /** @type {"undecided" | "hold" | "pass"} */
  let mode = "undecided";

  const restore = () => Object.assign(res, original);
  const decide = () => {
    if (mode === "undecided") {
      mode = String(res.getHeader("content-type") ?? "").startsWith("text/html") ? "hold" : "pass";
      if (mode === "pass") restore();
    }
    return mode;
  };
  /** @param {unknown} chunk @param {unknown} encoding */
  const toBuffer = (chunk, encoding) =>
    Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, /** @type {BufferEncoding} */ (encoding || "utf8")) : Buffer.from(/** @type {Uint8Array} */ (chunk));

  /** @type {any} */
  const patched = res;
  patched.writeHead = function (/** @type {number} */ status, /** @type {any[]} */ ...rest) {
    const headers = typeof rest[0] === "string" ? rest[1] : rest[0];
    if (typeof rest[0] === "string") res.statusMessage = rest[0];
    res.statusCode = status;
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    return decide() === "pass" ? original.writeHead.call(res, status) : res;
  };
  patched.flushHeaders = function () {
    if (decide() === "pass") original.flushHeaders.call(res);
  };
  patched.write = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
    if (decide() === "pass") return original.write.call(res, chunk, encoding, callback);
    chunks.push(toBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done);
    return true;
  };
  patched.end = function (/** @type {any} */ chunk, /** @type {any} */ encoding, /** @type {any} */ callback) {
    if (typeof chunk === "function") [chunk, encoding, callback] = [undefined, undefined, chunk];
    if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    if (decide() === "pass") return original.end.call(res, chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null) chunks.push(toBuffer(chunk, encoding));
    restore();
    const body = Buffer.concat(chunks);
    for (const [name, value] of Object.entries(headersFor(body))) res.setHeader(name, value);
    if (res.getHeader("content-length") !== undefined) res.setHeader("content-length", body.length);
    return original.end.call(res, body, callback);
  };
}
