import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { FieldError, FormError, StaleEditError } from "../errors";
import { callTargets, pages, plugins, soundClips, type Page, type Plugin, type SoundClip } from "../pages/schema";
import { knownCallerIds } from "../phone-numbers/service";
import { readCallToolConfig, type CallToolConfig } from "./config";
import type { Language } from "./languages";
import { parseTargetsCsv, type CsvError } from "./targets-csv";
import { diffTargets, type TargetDiff } from "./targets-diff";
import { assignIds, missingDrillDownAttributes, PINNED, validateTargets, type Pinned, type Target, type TargetError } from "./targets";

export type CallToolEdit = { plugin: Plugin; page: Page; config: CallToolConfig; targets: Target[]; clips: SoundClip[] };

const toTarget = (row: typeof callTargets.$inferSelect): Target => ({
  id: row.id,
  name: row.name,
  title: row.title,
  phone: row.phone,
  extension: row.extension,
  country: row.country,
  callerId: row.callerId,
  attributes: row.attributes,
  pinned: (PINNED as readonly string[]).includes(row.pinned) ? (row.pinned as Pinned) : "",
});

export async function loadCallTool(db: Db, pluginId: string): Promise<CallToolEdit | null> {
  const [row] = await db
    .select({ plugin: plugins, page: pages })
    .from(plugins)
    .innerJoin(pages, eq(pages.id, plugins.pageId))
    .where(and(eq(plugins.id, pluginId), eq(plugins.type, "call_tool")));
  if (!row) return null;
  const config = readCallToolConfig(row.plugin.config, row.page.language as Language);
  const targets = (await db.select().from(callTargets).where(eq(callTargets.pluginId, pluginId)).orderBy(asc(callTargets.position))).map(toTarget);
  const clipIds = [config.message.clipId, config.menu.clipId].filter((id): id is string => !!id);
  const clips = clipIds.length ? await db.select().from(soundClips).where(inArray(soundClips.id, clipIds)) : [];
  return { ...row, config, targets, clips };
}

/** Takes the edit if nobody saved since `version`; answers the new version. */
export async function bumpVersion(db: Db, pluginId: string, version: number, config?: CallToolConfig): Promise<number> {
  const [updated] = await db
    .update(plugins)
    .set({ ...(config ? { config } : {}), version: sql`${plugins.version} + 1` })
    .where(and(eq(plugins.id, pluginId), eq(plugins.version, version)))
    .returning({ version: plugins.version });
  if (updated) return updated.version;
  const [exists] = await db.select({ id: plugins.id }).from(plugins).where(eq(plugins.id, pluginId));
  throw exists ? new StaleEditError("call tool") : new FormError("This call tool no longer exists.");
}

function checkDrillDown(config: CallToolConfig, targets: Target[], field: string): void {
  if (config.selectionMode !== "drilldown") return;
  if (config.targetByAttributes.length === 0) throw new FieldError("targetByAttributes", "Choose at least one attribute for members to narrow down by");
  const missing = missingDrillDownAttributes(targets, config.targetByAttributes);
  if (missing.length > 0) throw new FieldError(field, `No target has the attribute “${missing[0]}”, which members narrow down by`);
}

export async function saveCallToolSettings(db: Db, pluginId: string, version: number, config: CallToolConfig): Promise<number> {
  const current = await loadCallTool(db, pluginId);
  if (!current) throw new FormError("This call tool no longer exists.");
  if (config.callerId && !(await knownCallerIds(db, [config.callerId])).has(config.callerId)) {
    throw new FieldError("callerId", "Add this number on the Phone numbers page first, or choose one from the list");
  }
  await checkDialInNumber(db, pluginId, config.dialInNumber);
  const wanted = [config.message.clipId, config.menu.clipId].filter((id): id is string => !!id);
  const existing = new Set(wanted.length ? (await db.select({ id: soundClips.id }).from(soundClips).where(inArray(soundClips.id, wanted))).map((row) => row.id) : []);
  for (const slot of ["message", "menu"] as const) {
    const clipId = config[slot].clipId;
    if (clipId && !existing.has(clipId)) throw new FieldError(`${slot}.clipId`, "This clip no longer exists; upload it again");
  }
  checkDrillDown(config, current.targets, "targetByAttributes");
  return bumpVersion(db, pluginId, version, config);
}

/** A dial-in number is one of the organisation's numbers, and answers for one call tool only: the number dialled says which. */
async function checkDialInNumber(db: Db, pluginId: string, number: string): Promise<void> {
  if (!number) return;
  if (!(await knownCallerIds(db, [number])).has(number)) throw new FieldError("dialInNumber", "Add this number on the Phone numbers page first, or choose one from the list");
  const [other] = await db
    .select({ id: plugins.id })
    .from(plugins)
    .where(and(eq(plugins.type, "call_tool"), sql`${plugins.config}->>'dialInNumber' = ${number}`, sql`${plugins.id} <> ${pluginId}`))
    .limit(1);
  if (other) throw new FieldError("dialInNumber", "Another call tool already takes calls on this number; choose another");
}

export type TargetsSaved = { ok: true; version: number; targets: Target[] } | { ok: false; errors: TargetError[] };

/**
 * Replaces a call tool's targets with validated drafts, keeping the ids of
 * targets that are still there (by id, or by phone and extension). All or
 * nothing: one bad row saves none.
 */
export async function saveTargets(db: Db, pluginId: string, version: number, drafts: unknown[]): Promise<TargetsSaved> {
  const validated = validateTargets(drafts);
  if (!validated.ok) return validated;
  const unknownCallerIds = await callerIdErrors(db, validated.targets);
  if (unknownCallerIds.length > 0) return { ok: false, errors: unknownCallerIds };

  return db.transaction(async (tx) => {
    const current = await loadCallTool(tx as unknown as Db, pluginId);
    if (!current) throw new FormError("This call tool no longer exists.");
    const targets = assignIds(current.targets, validated.targets);
    checkDrillDown(current.config, targets, "targets");
    const newVersion = await bumpVersion(tx as unknown as Db, pluginId, version);
    await tx.delete(callTargets).where(eq(callTargets.pluginId, pluginId));
    if (targets.length > 0) {
      await tx.insert(callTargets).values(targets.map((target, position) => ({ ...target, pluginId, position })));
    }
    return { ok: true as const, version: newVersion, targets };
  });
}

/** A target's caller ID override must be one of the organisation's numbers, like the campaign's. */
async function callerIdErrors(db: Db, drafts: { callerId: string }[]): Promise<TargetError[]> {
  const known = await knownCallerIds(db, drafts.map((draft) => draft.callerId));
  return drafts.flatMap((draft, index) =>
    draft.callerId && !known.has(draft.callerId) ? [{ index, field: "callerId", message: `caller ID ${draft.callerId} is not on the Phone numbers page` }] : [],
  );
}

const namedErrors = (drafts: { name: string }[], errors: TargetError[]): CsvError[] =>
  errors.map((error) => ({ row: 0, message: `${drafts[error.index]?.name ?? "A target"}: ${error.message}` }));

export type ImportPreview = { ok: true; diff: TargetDiff; targets: Target[] } | { ok: false; errors: CsvError[] };

/** What importing this CSV would change, without changing anything. */
export async function previewImport(db: Db, pluginId: string, csv: string): Promise<ImportPreview> {
  const parsed = parseTargetsCsv(csv);
  if (!parsed.ok) return parsed;
  const unknownCallerIds = await callerIdErrors(db, parsed.drafts);
  if (unknownCallerIds.length > 0) return { ok: false, errors: namedErrors(parsed.drafts, unknownCallerIds) };
  const current = await loadCallTool(db, pluginId);
  if (!current) throw new FormError("This call tool no longer exists.");
  const targets = assignIds(current.targets, parsed.drafts);
  return { ok: true, diff: diffTargets(current.targets, targets), targets };
}

/** Imports a CSV the campaigner has previewed. Row errors are reported with the file's row numbers. */
export async function applyImport(db: Db, pluginId: string, version: number, csv: string): Promise<{ ok: true; version: number; targets: Target[] } | { ok: false; errors: CsvError[] }> {
  const parsed = parseTargetsCsv(csv);
  if (!parsed.ok) return parsed;
  const saved = await saveTargets(db, pluginId, version, parsed.drafts);
  // Draft indexes are not file rows (blank rows are skipped), so errors name the target.
  return saved.ok ? saved : { ok: false, errors: namedErrors(parsed.drafts, saved.errors) };
}
