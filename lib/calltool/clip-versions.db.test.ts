import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDriver, type TestDatabase } from "../db/testing";
import { FieldError, StaleEditError } from "../errors";
import { plugins } from "../pages/schema";
import { addPlugin, createPage } from "../pages/service";
import { createLocalStorage } from "../storage/local";
import { createUser } from "../users/service";
import { clipVersions } from "./clip-schema";
import { storeClip } from "./clip-service";
import { attachClip, listClipVersions } from "./clip-versions";
import { loadCallTool } from "./service";
import { encodeWav, RECORDING_SAMPLE_RATE } from "./wav";

const mp3 = new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, "testing/message.mp3")));
const recording = (seconds: number) => encodeWav(Float32Array.from({ length: seconds * RECORDING_SAMPLE_RATE }, (_, i) => Math.sin(i / 5) / 2), RECORDING_SAMPLE_RATE);

describe(`a clip's versions (${testDriver()})`, () => {
  let database: TestDatabase;
  let userId: string;
  let pluginId: string;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "patchthrough-clip-versions-"));
  const storage = createLocalStorage(folder, "https://calls.example.test");
  beforeAll(async () => {
    database = await createTestDatabase();
    userId = (await createUser(database.db, { email: "cam@example.org", password: "correct horse battery", role: "campaigner" })).id;
    const pageId = (await createPage(database.db, { title: "Save the bees", slug: "save-the-bees", language: "en" }, userId)).id;
    pluginId = (await addPlugin(database.db, pageId, "call_tool")).id;
  });
  afterAll(async () => {
    await database.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });
  const load = async () => (await loadCallTool(database.db, pluginId))!;
  const attach = async (slot: "message" | "menu", clipId: string | null, restore = false) =>
    attachClip(database.db, { pluginId, version: (await load()).plugin.version, slot, clipId, userId, restore });

  it("keeps every clip a slot used, newest first, and goes back to an earlier one without losing the later", async () => {
    const uploaded = await storeClip(database.db, storage, { name: "message.mp3", bytes: mp3 }, userId);
    const recorded = await storeClip(database.db, storage, { name: "Recording.wav", bytes: recording(2) }, userId);
    expect(recorded).toMatchObject({ contentType: "audio/wav" });
    expect(recorded.durationSeconds).toBeCloseTo(2, 2);
    await attach("message", uploaded.id);
    await attach("message", recorded.id);
    expect((await load()).config.message.clipId).toBe(recorded.id);

    let versions = await listClipVersions(database.db, pluginId);
    expect(versions.message.map((entry) => [entry.number, entry.clip.fileName, entry.current])).toEqual([
      [2, "Recording.wav", true],
      [1, "message.mp3", false],
    ]);
    expect(versions.menu).toEqual([]);

    await attach("message", uploaded.id, true);
    expect((await load()).config.message.clipId).toBe(uploaded.id);
    versions = await listClipVersions(database.db, pluginId);
    // Going back adds no version: the list is the same, the current one moved.
    expect(versions.message.map((entry) => [entry.number, entry.clip.fileName, entry.current])).toEqual([
      [2, "Recording.wav", false],
      [1, "message.mp3", true],
    ]);

    // Removing the clip (the text is read out) keeps the versions to come back to.
    await attach("message", null);
    expect((await load()).config.message.clipId).toBeNull();
    expect((await listClipVersions(database.db, pluginId)).message.map((entry) => entry.current)).toEqual([false, false]);
    await attach("message", recorded.id, true);
    expect((await load()).config.message.clipId).toBe(recorded.id);
  });

  it("refuses to go back to a clip that was never this slot's, at the slot's field, and changes nothing", async () => {
    const before = await load();
    const other = await storeClip(database.db, storage, { name: "menu.wav", bytes: recording(1) }, userId);
    const messageClip = before.config.message.clipId!;
    await expect(attach("menu", other.id, true)).rejects.toEqual(new FieldError("menu.clipId", "This recording is not one of this clip's versions"));
    // The message's version is not the menu's.
    await expect(attach("menu", messageClip, true)).rejects.toBeInstanceOf(FieldError);
    const after = await load();
    expect(after.plugin.version).toBe(before.plugin.version);
    expect(after.config.menu.clipId).toBeNull();
    expect(await database.db.select().from(clipVersions).where(eq(clipVersions.slot, "menu"))).toEqual([]);
  });

  it("saves nothing, not even the version, when another editor saved in between", async () => {
    const fresh = await storeClip(database.db, storage, { name: "menu.wav", bytes: recording(1) }, userId);
    const stale = (await load()).plugin.version - 1;
    await expect(attachClip(database.db, { pluginId, version: stale, slot: "menu", clipId: fresh.id, userId })).rejects.toBeInstanceOf(StaleEditError);
    expect(await database.db.select().from(clipVersions).where(eq(clipVersions.clipId, fresh.id))).toEqual([]);
    expect((await load()).config.menu.clipId).toBeNull();
  });

  it("lists a clip attached before versions were kept as the slot's first version", async () => {
    const legacy = await storeClip(database.db, storage, { name: "old-menu.wav", bytes: recording(1) }, userId);
    const tool = await load();
    await database.db
      .update(plugins)
      .set({ config: { ...tool.config, menu: { ...tool.config.menu, clipId: legacy.id } } })
      .where(eq(plugins.id, pluginId));
    expect((await listClipVersions(database.db, pluginId)).menu.map((entry) => [entry.number, entry.clip.fileName, entry.current])).toEqual([[1, "old-menu.wav", true]]);
    const next = await storeClip(database.db, storage, { name: "new-menu.wav", bytes: recording(1) }, userId);
    await attach("menu", next.id);
    await attach("menu", legacy.id, true);
    expect((await listClipVersions(database.db, pluginId)).menu.map((entry) => [entry.number, entry.clip.fileName, entry.current])).toEqual([
      [2, "new-menu.wav", false],
      [1, "old-menu.wav", true],
    ]);
  });
});
