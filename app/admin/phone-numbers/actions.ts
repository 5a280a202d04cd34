"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { FormError } from "@/lib/errors";
import { addPhoneNumber, importPhoneNumbers, removePhoneNumber } from "@/lib/phone-numbers/service";
import { TelephonyError } from "@/lib/telephony/errors";
import { listIncomingNumbers } from "@/lib/telephony/numbers";

const staff = STAFF_ROLES;

export const addPhoneNumberAction = authorizedAction(
  { roles: staff, schema: z.object({ number: z.string().trim().min(1, "Enter a phone number").max(30, "That is too long for a phone number"), label: z.string().max(100).default("") }) },
  async (input) => {
    const added = await addPhoneNumber(db(), input);
    revalidatePath("/admin/phone-numbers");
    return { message: `Added ${added.number}.` };
  },
);

export const removePhoneNumberAction = authorizedAction({ roles: staff, schema: z.object({ id: z.uuid() }) }, async ({ id }) => {
  await removePhoneNumber(db(), id);
  revalidatePath("/admin/phone-numbers");
  return { message: "Removed." };
});

export const importPhoneNumbersAction = authorizedAction({ roles: staff, schema: z.object({}) }, async () => {
  let numbers: { number: string; label: string }[];
  try {
    numbers = await listIncomingNumbers();
  } catch (error) {
    if (error instanceof TelephonyError) throw new FormError(`Twilio refused to list the account's numbers: ${error.message}`);
    throw error;
  }
  const added = await importPhoneNumbers(db(), numbers);
  revalidatePath("/admin/phone-numbers");
  return { message: added ? `Imported ${added} number${added === 1 ? "" : "s"} from the Twilio account.` : "Every number on the Twilio account is already on the list." };
});
