import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { FieldError } from "../errors";
import { createLocalStorage } from "../storage/local";
import { startFakeUploadthing } from "../storage/testing/fake-uploadthing";
import { createUploadthingStorage } from "../storage/uploadthing";
import { createUser } from "../users/service";
import { getClip, storeClip } from "./clip-service";

const mp3 = new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, "testing/message.mp3")));

describe(`storing clips (${testDriver()})`, () => {
  let database: TestDatabase;
  let userId: string;
  let fake: Awaited<ReturnType<typeof startFakeUploadthing>>;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "patchthrough-clip-store-"));
  beforeAll(async () => {
    database = await createTestDatabase();
    userId = (await createUser(database.db, { email: "cam@example.org", password: "correct horse battery", role: "campaigner" })).id;
    fake = await startFakeUploadthing();
  });
  afterAll(async () => {
    await fake.close();
    await database.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const storages = () => [
    ["local disk", createLocalStorage(folder, "https://calls.example.test")],
    ["uploadthing", createUploadthingStorage({ token: fake.token, apiUrl: fake.apiUrl, ingestUrl: fake.ingestUrl })],
  ] as const;

  it("records a checked clip with its type, size and duration, wherever it is stored", async () => {
    for (const [, storage] of storages()) {
      const clip = await storeClip(database.db, storage, { name: "message.mp3", bytes: mp3 }, userId);
      expect(clip).toMatchObject({ storage: storage.kind, fileName: "message.mp3", contentType: "audio/mpeg", size: mp3.byteLength });
      expect(clip.durationSeconds).toBeCloseTo(2.5, 0);
      expect(await getClip(database.db, clip.id)).toEqual(clip);
    }
    // The uploadthing copy is fetchable at the URL recorded.
    const stored = [...fake.files.values()][0]!;
    expect(stored.type).toBe("audio/mpeg");
  });

  it("stores nothing for a file that is not audio, whatever its name", async () => {
    for (const [name, storage] of storages()) {
      const before = storage.kind === "local" ? fs.readdirSync(folder).length : fake.files.size;
      await expect(storeClip(database.db, storage, { name: "song.mp3", bytes: new TextEncoder().encode("just text") }, userId), name).rejects.toThrow(FieldError);
      expect(storage.kind === "local" ? fs.readdirSync(folder).length : fake.files.size).toBe(before);
    }
  });
});
