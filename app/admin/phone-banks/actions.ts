"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { FieldError, FormError } from "@/lib/errors";
import { connectNumber } from "@/lib/phone-numbers/routing";
import { importLeads, previewLeadImport } from "@/lib/phonebank/leads";
import { createPhoneBank, loadPhoneBank, savePhoneBank, setPhoneBankStatus } from "@/lib/phonebank/service";
import { phoneBankFormSchema } from "@/lib/zod/phone-bank";

const staff = STAFF_ROLES;
const MAX_CSV_BYTES = 4 * 1024 * 1024;

export const createPhoneBankAction = authorizedAction(
  { roles: staff, schema: z.object({ name: z.string().trim().min(1, "Give the phone bank a name").max(200, "A name is at most 200 characters") }) },
  async ({ name }, { user }) => {
    const bank = await createPhoneBank(db(), name, user.id);
    redirect(`/admin/phone-banks/${bank.id}`);
  },
);

export const savePhoneBankAction = authorizedAction(
  { roles: staff, schema: phoneBankFormSchema.and(z.object({ id: z.uuid(), version: z.coerce.number().int() })) },
  async ({ id, version, ...form }) => {
    const saved = await savePhoneBank(db(), id, version, form);
    revalidatePath(`/admin/phone-banks/${id}`);
    return { message: "Settings saved.", result: { version: String(saved) } };
  },
);

export const setPhoneBankStatusAction = authorizedAction({ roles: staff, schema: z.object({ id: z.uuid(), status: z.enum(["open", "closed"]) }) }, async ({ id, status }) => {
  await setPhoneBankStatus(db(), id, status);
  revalidatePath(`/admin/phone-banks/${id}`);
  return { message: status === "open" ? "The phone bank is open." : "The phone bank is closed: no new calls." };
});

/** "Use this number for phone banks": its calls go to /twilio-webhook/consume, set on Twilio. */
export const connectInboundNumberAction = authorizedAction({ roles: staff, schema: z.object({ id: z.uuid() }) }, async ({ id }) => {
  const bank = await loadPhoneBank(db(), id);
  if (!bank) throw new FormError("This phone bank no longer exists.");
  if (!bank.inboundNumber) throw new FormError("Choose the number volunteers dial and save the settings first.");
  await connectNumber(bank.inboundNumber, "phone-bank");
  revalidatePath(`/admin/phone-banks/${id}`);
  revalidatePath("/admin/phone-numbers");
  return { message: `${bank.inboundNumber} now rings the phone bank.` };
});

const csvFile = z
  .instanceof(File, { error: "Choose a CSV file" })
  .refine((file) => file.size > 0, "This file is empty")
  .refine((file) => file.size <= MAX_CSV_BYTES, "A leads file is at most 4 MB");

export const previewLeadsAction = authorizedAction({ roles: staff, schema: z.object({ id: z.uuid(), file: csvFile }) }, async ({ id, file }) => {
  const csv = await file.text();
  const preview = await previewLeadImport(db(), id, csv);
  if (!preview.ok) throw new FieldError("file", preview.errors.map((error) => error.message).join("\n"));
  return { data: { summary: preview.summary, csv, fileName: file.name } };
});

export const importLeadsAction = authorizedAction({ roles: staff, schema: z.object({ id: z.uuid(), csv: z.string().max(MAX_CSV_BYTES) }) }, async ({ id, csv }) => {
  if (!(await loadPhoneBank(db(), id))) throw new FormError("This phone bank no longer exists.");
  const imported = await importLeads(db(), id, csv);
  if (!imported.ok) throw new FieldError("file", imported.errors.map((error) => error.message).join("\n"));
  revalidatePath(`/admin/phone-banks/${id}`);
  const { added, updated } = imported.summary;
  return { message: `Imported: ${added} new lead${added === 1 ? "" : "s"}, ${updated} updated.` };
});
