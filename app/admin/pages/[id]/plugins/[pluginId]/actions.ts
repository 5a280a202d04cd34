"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { pageEditAction } from "@/lib/pages/page-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { CLIP_SLOTS } from "@/lib/calltool/clip-schema";
import { attachClip } from "@/lib/calltool/clip-versions";
import { callToolConfigSchema } from "@/lib/calltool/config";
import { applyImport, loadCallTool, previewImport, saveCallToolSettings, saveTargets } from "@/lib/calltool/service";
import { db } from "@/lib/db/client";
import { importPostcodeTable } from "@/lib/calltool/postcode-service";
import { countryCodeProblem } from "@/lib/calltool/targets";
import { connectNumber } from "@/lib/phone-numbers/routing";
import { FieldError, FormError } from "@/lib/errors";
import { settingsFormSchema } from "@/lib/zod/calltool-form";
import { recallPolicyOf } from "@/lib/zod/recall-form";

const staff = STAFF_ROLES;
const ids = { pluginId: z.uuid(), version: z.coerce.number().int() };
const MAX_CSV_BYTES = 2 * 1024 * 1024;

export const saveSettingsAction = pageEditAction({ roles: staff, schema: settingsFormSchema.extend(ids) }, async ({ pluginId, version, ...form }) => {
  const current = await loadCallTool(db(), pluginId);
  if (!current) throw new FormError("This call tool no longer exists.");
  const config = callToolConfigSchema.parse({
    ...current.config,
    ...form,
    message: { clipId: current.config.message.clipId, text: form.messageText },
    menu: { clipId: current.config.menu.clipId, text: form.menuText },
    recall: { ...recallPolicyOf(form), ringSeconds: form.ringSeconds, machineDetection: form.machineDetection, quietHours: form.recallQuietHours },
    busyRedial: { enabled: form.busyRedialEnabled, attempts: form.busyRedialAttempts, delaySeconds: form.busyRedialDelaySeconds },
  });
  const saved = await saveCallToolSettings(db(), pluginId, version, config);
  revalidatePath(`/admin/pages/${current.page.id}`);
  return { message: "Settings saved.", result: { version: String(saved) } };
});

export const setClipAction = pageEditAction(
  { roles: staff, schema: z.object({ ...ids, slot: z.enum(CLIP_SLOTS), clipId: z.union([z.uuid(), z.literal("")]) }) },
  async ({ pluginId, version, slot, clipId }, { user }) => {
    const saved = await attachClip(db(), { pluginId, version, slot, clipId: clipId || null, userId: user.id });
    return { message: clipId ? "Clip saved." : "Clip removed; the text will be read out instead.", result: { version: String(saved) } };
  },
);

/** Goes back to one of the slot's earlier clips (lib/calltool/clip-versions.ts). */
export const restoreClipAction = pageEditAction(
  { roles: staff, schema: z.object({ ...ids, slot: z.enum(CLIP_SLOTS), clipId: z.uuid() }) },
  async ({ pluginId, version, slot, clipId }, { user }) => {
    const saved = await attachClip(db(), { pluginId, version, slot, clipId, userId: user.id, restore: true });
    return { message: "Back to this version.", result: { version: String(saved) } };
  },
);

export const saveTargetsAction = pageEditAction({ roles: staff, schema: z.object({ ...ids, targets: z.string().max(5_000_000) }) }, async ({ pluginId, version, targets }) => {
  let drafts: unknown;
  try {
    drafts = JSON.parse(targets);
  } catch {
    throw new FormError("The targets could not be read. Reload the page and try again.");
  }
  if (!Array.isArray(drafts)) throw new FormError("The targets could not be read. Reload the page and try again.");
  const saved = await saveTargets(db(), pluginId, version, drafts);
  if (!saved.ok) {
    const fieldErrors = Object.fromEntries(saved.errors.map((error) => [`targets.${error.index}.${error.field}`, error.message]));
    return { ok: false, formError: `${saved.errors.length} problem${saved.errors.length === 1 ? "" : "s"} to fix; nothing was saved.`, fieldErrors };
  }
  return { message: `Saved ${saved.targets.length} target${saved.targets.length === 1 ? "" : "s"}.`, result: { version: String(saved.version) }, data: saved.targets };
});

const csvFile = z
  .instanceof(File, { error: "Choose a CSV file" })
  .refine((file) => file.size > 0, "This file is empty")
  .refine((file) => file.size <= MAX_CSV_BYTES, "A targets file is at most 2 MB");

export const previewImportAction = pageEditAction({ roles: staff, schema: z.object({ pluginId: z.uuid(), file: csvFile }) }, async ({ pluginId, file }) => {
  const csv = await file.text();
  const preview = await previewImport(db(), pluginId, csv);
  if (!preview.ok) throw new FieldError("file", preview.errors.map((error) => error.message).join("\n"));
  return { data: { diff: preview.diff, csv, fileName: file.name } };
});

export const applyImportAction = pageEditAction({ roles: staff, schema: z.object({ ...ids, csv: z.string().max(MAX_CSV_BYTES) }) }, async ({ pluginId, version, csv }) => {
  const imported = await applyImport(db(), pluginId, version, csv);
  if (!imported.ok) throw new FieldError("file", imported.errors.map((error) => error.message).join("\n"));
  return { message: `Imported ${imported.targets.length} targets.`, result: { version: String(imported.version) }, data: imported.targets };
});

/** "Connect this number": the call tool's dial-in number's calls go to /twilio/dial-in, set on Twilio. */
export const connectDialInAction = pageEditAction({ roles: staff, schema: z.object({ pluginId: z.uuid() }) }, async ({ pluginId }) => {
  const current = await loadCallTool(db(), pluginId);
  if (!current) throw new FormError("This call tool no longer exists.");
  if (!current.config.dialInNumber) throw new FormError("Choose the dial-in number and save the settings first.");
  await connectNumber(current.config.dialInNumber, "call-tool");
  revalidatePath(`/admin/pages/${current.page.id}/plugins/${pluginId}`);
  revalidatePath("/admin/phone-numbers");
  return { message: `${current.config.dialInNumber} now rings this call tool.` };
});

const postcodeCountry = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => !countryCodeProblem(code), "Enter the two-letter code of the postcodes' country, like GB or US (GB, not UK)");

export const importPostcodesAction = pageEditAction(
  { roles: staff, schema: z.object({ ...ids, country: postcodeCountry, file: csvFile }) },
  async ({ pluginId, version, country, file }) => {
    const imported = await importPostcodeTable(db(), pluginId, version, country, await file.text());
    if (!imported.ok) throw new FieldError("file", [`Nothing was imported: ${imported.errors.length} problem${imported.errors.length === 1 ? "" : "s"} to fix.`, ...imported.errors.map((error) => error.message)].join("\n"));
    return { message: `Imported ${imported.rows} postcode${imported.rows === 1 ? "" : "s"} (${country}).`, result: { version: String(imported.version) }, data: imported.rows };
  },
);
