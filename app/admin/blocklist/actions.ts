"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { addToBlocklist, removeFromBlocklist } from "@/lib/blocklist/service";
import { db } from "@/lib/db/client";

const staff = STAFF_ROLES;

const addSchema = z.object({
  kind: z.enum(["number", "ip"], { error: "Choose a phone number or an IP address" }),
  value: z.string().trim().min(1, "Enter a phone number or an IP address").max(100, "That is too long for a phone number or an IP address"),
  reason: z.string().max(200, "A reason is at most 200 characters").default(""),
  // The service checks the range, so a crafted "0" or "abc" gets the same message as any bad expiry.
  expiresInDays: z.string().transform((days) => (days === "never" ? null : Number(days))),
});

export const addToBlocklistAction = authorizedAction({ roles: staff, schema: addSchema }, async (input) => {
  const { entry, updated } = await addToBlocklist(db(), input);
  revalidatePath("/admin/blocklist");
  return { message: updated ? `${entry.value} was already blocked: its reason and expiry are updated.` : `Blocked ${entry.value}.` };
});

export const removeFromBlocklistAction = authorizedAction({ roles: staff, schema: z.object({ id: z.uuid() }) }, async ({ id }) => {
  await removeFromBlocklist(db(), id);
  revalidatePath("/admin/blocklist");
  return { message: "Removed." };
});
