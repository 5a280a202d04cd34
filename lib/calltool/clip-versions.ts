import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { FieldError, FormError } from "../errors";
import { soundClips, type SoundClip } from "../pages/schema";
import { clipVersions, CLIP_SLOTS, type ClipSlot } from "./clip-schema";
import { loadCallTool, saveCallToolSettings } from "./service";

/** One version of a slot's clip: numbered from 1 in the order the slot first used it. */
export type SlotVersion = { number: number; clip: SoundClip; attachedAt: Date; current: boolean };

/**
 * Attaches a clip to a call tool's message or menu slot (or detaches it, with
 * null), and keeps it among the slot's versions, all in one transaction: the
 * settings and the history never disagree. `restore` is going back: the clip
 * must already be one of this slot's versions.
 */
export async function attachClip(
  db: Db,
  input: { pluginId: string; version: number; slot: ClipSlot; clipId: string | null; userId: string; restore?: boolean },
): Promise<number> {
  const { pluginId, slot, clipId } = input;
  return db.transaction(async (tx) => {
    const current = await loadCallTool(tx, pluginId);
    if (!current) throw new FormError("This call tool no longer exists.");
    if (input.restore) {
      if (!clipId) throw new FieldError(`${slot}.clipId`, "Choose a version to go back to");
      const known = (await slotVersions(tx, pluginId, slot, current.config[slot].clipId)).some((entry) => entry.clip.id === clipId);
      if (!known) throw new FieldError(`${slot}.clipId`, "This recording is not one of this clip's versions");
    }
    // A clip attached before versions were kept gets its row now, so replacing it doesn't lose it.
    const previous = current.clips.find((clip) => clip.id === current.config[slot].clipId);
    if (previous) await tx.insert(clipVersions).values({ pluginId, slot, clipId: previous.id, attachedAt: previous.createdAt }).onConflictDoNothing();
    const config = { ...current.config, [slot]: { ...current.config[slot], clipId } };
    const saved = await saveCallToolSettings(tx, pluginId, input.version, config);
    if (clipId) await tx.insert(clipVersions).values({ pluginId, slot, clipId, attachedBy: input.userId }).onConflictDoNothing();
    return saved;
  });
}

/** A slot's versions, newest first. A clip attached before versions were kept (no row yet) is listed too, as the oldest. */
async function slotVersions(db: Db, pluginId: string, slot: ClipSlot, currentClipId: string | null): Promise<SlotVersion[]> {
  const rows = await db
    .select({ clip: soundClips, attachedAt: clipVersions.attachedAt })
    .from(clipVersions)
    .innerJoin(soundClips, eq(soundClips.id, clipVersions.clipId))
    .where(and(eq(clipVersions.pluginId, pluginId), eq(clipVersions.slot, slot)))
    .orderBy(asc(clipVersions.attachedAt), asc(clipVersions.id));
  if (currentClipId && !rows.some((row) => row.clip.id === currentClipId)) {
    const [legacy] = await db.select().from(soundClips).where(eq(soundClips.id, currentClipId));
    if (legacy) rows.unshift({ clip: legacy, attachedAt: legacy.createdAt });
  }
  return rows.map((row, index) => ({ number: index + 1, clip: row.clip, attachedAt: row.attachedAt, current: row.clip.id === currentClipId })).reverse();
}

/** The versions of both slots of a call tool, newest first. */
export async function listClipVersions(db: Db, pluginId: string): Promise<Record<ClipSlot, SlotVersion[]>> {
  const tool = await loadCallTool(db, pluginId);
  if (!tool) throw new FormError("This call tool no longer exists.");
  const entries = await Promise.all(CLIP_SLOTS.map(async (slot) => [slot, await slotVersions(db, pluginId, slot, tool.config[slot].clipId)] as const));
  return Object.fromEntries(entries) as Record<ClipSlot, SlotVersion[]>;
}
