/** A request body bigger than its route accepts: answered 413. */
export class BodyTooLarge extends Error {
  override name = "BodyTooLarge";
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes.`);
  }
}

/**
 * A request's body, read as it arrives and given up as soon as it passes
 * `limit` bytes, whatever Content-Length claimed (a chunked upload has none):
 * an endless upload costs at most `limit` bytes of memory.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(request.headers.get("content-length")) > limit) throw new BodyTooLarge(limit);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > limit) {
      await reader!.cancel().catch(() => {});
      throw new BodyTooLarge(limit);
    }
    chunks.push(next.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** A multipart or URL-encoded form, read within `limit` bytes; null when it is not a well-formed form. */
export async function readForm(request: Request, limit: number): Promise<FormData | null> {
  const body = await readBody(request, limit);
  return new Response(body, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData().catch(() => null);
}
