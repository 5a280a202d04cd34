"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { db } from "@/lib/db/client";
import { createEndpoint, removeEndpoint, resendDelivery, sendTestEvent, setEndpointActive } from "@/lib/integrations/service";
import { endpointSchema } from "@/lib/zod/integrations";

// Webhooks send members' numbers and call outcomes out of the app: admins only.
const admins = ["admin"] as const;
const byId = z.object({ id: z.uuid() });

export const createEndpointAction = authorizedAction({ roles: admins, schema: endpointSchema }, async (input) => {
  const endpoint = await createEndpoint(db(), input);
  revalidatePath("/admin/integrations");
  redirect(`/admin/integrations/${endpoint.id}`);
});

export const setEndpointActiveAction = authorizedAction({ roles: admins, schema: byId.extend({ active: z.enum(["true", "false"]) }) }, async ({ id, active }) => {
  await setEndpointActive(db(), id, active === "true");
  revalidatePath(`/admin/integrations/${id}`);
  return { message: active === "true" ? "Deliveries are on." : "Paused: new calls are not sent to this address." };
});

export const removeEndpointAction = authorizedAction({ roles: admins, schema: byId }, async ({ id }) => {
  await removeEndpoint(db(), id);
  revalidatePath("/admin/integrations");
  redirect("/admin/integrations");
});

export const sendTestEventAction = authorizedAction({ roles: admins, schema: byId }, async ({ id }) => {
  await sendTestEvent(db(), id);
  revalidatePath(`/admin/integrations/${id}`);
  return { message: "A test delivery is on its way. Reload in a few seconds to see the answer." };
});

export const resendDeliveryAction = authorizedAction({ roles: admins, schema: byId.extend({ endpointId: z.uuid() }) }, async ({ id, endpointId }) => {
  await resendDelivery(db(), id);
  revalidatePath(`/admin/integrations/${endpointId}`);
  return { message: "Re-sent." };
});
