import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { FieldError } from "../errors";
import { soundClips, type SoundClip } from "../pages/schema";
import type { ClipStorage } from "../storage/types";
import { inspectClip } from "./clips";

/** Checks an uploaded file, stores it, and records it. A refused file leaves nothing behind. */
export async function storeClip(db: Db, storage: ClipStorage, file: { name: string; bytes: Uint8Array }, userId: string): Promise<SoundClip> {
  const inspected = await inspectClip(file.bytes);
  if (!inspected.ok) throw new FieldError("file", inspected.message);
  const stored = await storage.save({ name: file.name, contentType: inspected.contentType, bytes: file.bytes });
  try {
    const [clip] = await db
      .insert(soundClips)
      .values({
        storage: storage.kind,
        storageKey: stored.key,
        url: stored.url,
        fileName: file.name.slice(0, 200) || "clip",
        contentType: inspected.contentType,
        size: file.bytes.byteLength,
        durationSeconds: inspected.durationSeconds,
        uploadedBy: userId,
      })
      .returning();
    return clip!;
  } catch (error) {
    await storage.remove(stored.key).catch(() => undefined);
    throw error;
  }
}

export async function getClip(db: Db, id: string): Promise<SoundClip | undefined> {
  const [clip] = await db.select().from(soundClips).where(eq(soundClips.id, id));
  return clip;
}
