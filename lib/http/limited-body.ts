/** The body was larger than allowed: answer 413 and read no further. */
export class BodyTooLarge extends Error {
  override name = "BodyTooLarge";
}

/**
 * A request body as text, read no further than `maxBytes`, whatever
 * Content-Length claims: a larger declared length is refused before reading,
 * and a body that turns out larger is cut off as soon as it passes the limit.
 */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
