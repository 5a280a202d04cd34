import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClipStoreUnavailable } from "./types";
import { decodeUploadthingToken, encodeUploadthingToken, startFakeUploadthing, type FakeUploadthing } from "./testing/fake-uploadthing";
import { createUploadthingStorage } from "./uploadthing";

// An ID3v2 header followed by an MPEG frame sync: enough to look like an MP3.
const clipBytes = new Uint8Array([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xfb, 0x90, 0x64, 0x00]);
const clip = { name: "Welcome message.mp3", contentType: "audio/mpeg", bytes: clipBytes };

describe("uploadthing clip storage", () => {
  let fake: FakeUploadthing;
  beforeAll(async () => {
    fake = await startFakeUploadthing();
  });
  afterAll(() => fake.close());

  const storage = () => createUploadthingStorage({ token: fake.token, apiUrl: fake.apiUrl, ingestUrl: fake.ingestUrl });

  it("stores a clip and serves it back at the URL it answers", async () => {
    const stored = await storage().save(clip);

    expect(stored.key).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(new URL(stored.url).protocol).toBe("http:");
    expect(fake.files.get(stored.key)).toEqual({ name: clip.name, type: "audio/mpeg", bytes: clipBytes });

    const served = await fetch(stored.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("audio/mpeg");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(clipBytes);
  });

  it("removes a clip, and removing it again is not an error", async () => {
    const clips = storage();
    const stored = await clips.save(clip);

    await clips.remove(stored.key);
    expect(fake.files.has(stored.key)).toBe(false);
    expect((await fetch(stored.url)).status).toBe(404);

    await expect(clips.remove(stored.key)).resolves.toBeUndefined();
  });

  it("gives each clip its own key", async () => {
    const clips = storage();
    const [first, second] = await Promise.all([clips.save(clip), clips.save(clip)]);
    expect(first.key).not.toBe(second.key);
  });

  it("keeps two storages' tokens and URLs apart", async () => {
    const other = await startFakeUploadthing();
    try {
      const otherStorage = createUploadthingStorage({ token: other.token, apiUrl: other.apiUrl, ingestUrl: other.ingestUrl });
      const [mine, theirs] = await Promise.all([storage().save(clip), otherStorage.save(clip)]);
      expect(fake.files.has(mine.key) && !other.files.has(mine.key)).toBe(true);
      expect(other.files.has(theirs.key) && !fake.files.has(theirs.key)).toBe(true);
    } finally {
      await other.close();
    }
  });

  describe("with a token whose API key uploadthing does not know", () => {
    const wrongKeyStorage = () => {
      const token = encodeUploadthingToken({ ...decodeUploadthingToken(fake.token), apiKey: "sk_live_not_this_apps_key" });
      return createUploadthingStorage({ token, apiUrl: fake.apiUrl, ingestUrl: fake.ingestUrl });
    };

    it("refuses to store the clip, with a readable reason", async () => {
      const filesBefore = fake.files.size;
      await expect(wrongKeyStorage().save(clip)).rejects.toThrow(/^The clip could not be stored: .*Failed to upload file/);
      expect(fake.files.size).toBe(filesBefore);
    });

    it("refuses to remove a clip", async () => {
      const stored = await storage().save(clip);
      await expect(wrongKeyStorage().remove(stored.key)).rejects.toThrow(/^The clip could not be removed from uploadthing: .*401/);
      expect(fake.files.has(stored.key)).toBe(true);
    });
  });

  describe("when uploadthing can't be reached", () => {
    it("gives up at once on a refused connection, with the error the upload route turns into a 503", async () => {
      const closed = await startFakeUploadthing();
      await closed.close(); // its ports now refuse connections
      const started = Date.now();
      const error = await createUploadthingStorage({ token: closed.token, apiUrl: closed.apiUrl, ingestUrl: closed.ingestUrl }).save(clip).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ClipStoreUnavailable);
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it("gives up on one that takes the connection and never answers, after its timeout", async () => {
      const sockets: net.Socket[] = [];
      const silent = net.createServer((socket) => void sockets.push(socket)); // accepts, reads, never answers
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
      try {
        const started = Date.now();
        const error = await createUploadthingStorage({ token: fake.token, apiUrl: url, ingestUrl: url, timeoutMs: 1_500 }).save(clip).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ClipStoreUnavailable);
        expect(sockets.length).toBeGreaterThan(0); // it did reach the silent server, and waited on it
        expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
        expect(Date.now() - started).toBeLessThan(10_000);
      } finally {
        for (const socket of sockets) socket.destroy();
        silent.close();
      }
    });
  });
});
