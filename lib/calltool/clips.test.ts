import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLocalStorage } from "../storage/local";
import { serveLocalClip } from "../storage/serve";
import { inspectClip, MAX_CLIP_BYTES } from "./clips";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, "testing", name)));

describe("inspectClip decides from the content", () => {
  it("accepts an MP3 and a WAV, with their durations", async () => {
    const mp3 = await inspectClip(fixture("message.mp3"));
    expect(mp3).toMatchObject({ ok: true, contentType: "audio/mpeg" });
    expect(mp3.ok && mp3.durationSeconds).toBeCloseTo(2.5, 0);
    const wav = await inspectClip(fixture("menu.wav"));
    expect(wav).toMatchObject({ ok: true, contentType: "audio/wav" });
    expect(wav.ok && wav.durationSeconds).toBeCloseTo(1.5, 1);
  });

  it("refuses a text file renamed .mp3, another kind of file, an empty file and an oversized one", async () => {
    expect(await inspectClip(new TextEncoder().encode("name,phone\nAda,+442079460018\n"))).toEqual({
      ok: false,
      message: "This isn't an MP3 or WAV recording: its content is not audio we recognise.",
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(32).fill(0)]);
    expect(await inspectClip(png)).toEqual({ ok: false, message: "This isn't an MP3 or WAV recording: it looks like a PNG file." });
    expect(await inspectClip(new Uint8Array())).toEqual({ ok: false, message: "This file is empty." });
    const huge = new Uint8Array(MAX_CLIP_BYTES + 1);
    huge.set(fixture("message.mp3"));
    expect(await inspectClip(huge)).toEqual({ ok: false, message: "This file is 10.0 MB; a clip can be at most 10 MB." });
  });
});

describe("a locally stored clip's URL", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "patchthrough-clips-"));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  const storage = createLocalStorage(folder, "https://calls.example.test");
  const bytes = fixture("message.mp3");
  const get = async (key: string, headers: Record<string, string> = {}, method = "GET") =>
    serveLocalClip(folder, key, new Request(`https://calls.example.test/clips/${key}`, { method, headers }));

  it("is unguessable and serves the bytes with Content-Type, ETag and long caching", async () => {
    const { key, url } = await storage.save({ name: "message.mp3", contentType: "audio/mpeg", bytes });
    expect(url).toBe(`https://calls.example.test/clips/${key}`);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}\.mp3$/);
    const response = await get(key);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/mpeg");
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);

    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    expect((await get(key, { "If-None-Match": etag })).status).toBe(304);
    expect((await get(key, {}, "HEAD")).headers.get("content-length")).toBe(String(bytes.byteLength));
  });

  it("answers a byte range with 206 and an unsatisfiable one with 416", async () => {
    const { key } = await storage.save({ name: "m.mp3", contentType: "audio/mpeg", bytes });
    const partial = await get(key, { Range: "bytes=100-199" });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 100-199/${bytes.byteLength}`);
    expect(new Uint8Array(await partial.arrayBuffer())).toEqual(bytes.slice(100, 200));
    const tail = await get(key, { Range: "bytes=-10" });
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(bytes.slice(-10));
    const beyond = await get(key, { Range: `bytes=${bytes.byteLength + 5}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${bytes.byteLength}`);
  });

  it("serves nothing but keys the app made", async () => {
    for (const key of ["../../etc/passwd", "nope.mp3", "AAAAAAAAAAAAAAAAAAAAAA.txt"]) expect((await get(key)).status).toBe(404);
    await storage.remove("AAAAAAAAAAAAAAAAAAAAAA.mp3"); // removing a missing clip is fine
  });
});
