import { describe, expect, it } from "vitest";
import { BodyTooLarge, readBody, readForm } from "./body";

/** A chunked request body that never ends, and how much of it was pulled. */
function endless(chunk = new Uint8Array(64 * 1024)) {
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { request: new Request("http://app.test/upload", { method: "POST", body, duplex: "half" } as RequestInit), pulled };
}

describe("readBody", () => {
  it("gives up an endless body just past the limit", async () => {
    const { request, pulled } = endless();
    await expect(readBody(request, 1024 * 1024)).rejects.toThrow(BodyTooLarge);
    expect(pulled.bytes).toBeLessThan(2 * 1024 * 1024);
  });

  it("refuses at once a body whose Content-Length is over the limit", async () => {
    const request = new Request("http://app.test/upload", { method: "POST", body: "x".repeat(10), headers: { "Content-Length": "2000" } });
    await expect(readBody(request, 1000)).rejects.toThrow(BodyTooLarge);
  });

  it("reads a body within the limit whole", async () => {
    const request = new Request("http://app.test/upload", { method: "POST", body: "hello" });
    expect(new TextDecoder().decode(await readBody(request, 5))).toBe("hello");
  });
});

describe("readForm", () => {
  it("reads a multipart form, and answers null for one that is not", async () => {
    const form = new FormData();
    form.append("file", new File(["abc"], "a.mp3"));
    const parsed = await readForm(new Request("http://app.test/upload", { method: "POST", body: form }), 10_000);
    expect((parsed?.get("file") as File).name).toBe("a.mp3");
    const broken = new Request("http://app.test/upload", { method: "POST", body: "--x\r\nnonsense", headers: { "Content-Type": "multipart/form-data; boundary=x" } });
    expect(await readForm(broken, 10_000)).toBeNull();
  });
});
