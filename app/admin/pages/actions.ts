"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { PLUGIN_TYPES } from "@/lib/pages/plugins";
import { FieldError } from "@/lib/errors";
import { addPlugin, createPage, deletePage, duplicatePage, getPage, movePlugin, removePlugin, setPageStatus, setPluginActive, updatePage } from "@/lib/pages/service";
import { newPageSchema, PAGE_STATUSES, pageFieldsSchema } from "@/lib/zod/page";

const staff = STAFF_ROLES;
const pageId = z.uuid("Unknown page");
const pluginId = z.uuid("Unknown plugin");

export const createPageAction = authorizedAction({ roles: staff, schema: newPageSchema }, async (input, { user }) => {
  const page = await createPage(db(), input, user.id);
  revalidatePath("/admin/pages");
  redirect(`/admin/pages/${page.id}`);
});

export const updatePageAction = authorizedAction(
  { roles: staff, schema: pageFieldsSchema.extend({ pageId, version: z.coerce.number().int() }) },
  async ({ pageId: id, version, ...fields }) => {
    const page = await updatePage(db(), id, version, fields);
    revalidatePath(`/admin/pages/${id}`);
    return { message: "Page saved.", result: { version: String(page.version) } };
  },
);

export const setPageStatusAction = authorizedAction({ roles: staff, schema: z.object({ pageId, status: z.enum(PAGE_STATUSES) }) }, async ({ pageId: id, status }) => {
  await setPageStatus(db(), id, status);
  revalidatePath(`/admin/pages/${id}`);
  revalidatePath("/admin/pages");
  return { message: status === "published" ? "Published: the page is live." : "Unpublished: the page is a draft again." };
});

export const duplicatePageAction = authorizedAction({ roles: staff, schema: z.object({ pageId }) }, async ({ pageId: id }, { user }) => {
  const copy = await duplicatePage(db(), id, user.id);
  revalidatePath("/admin/pages");
  redirect(`/admin/pages/${copy.id}`);
});

export const deletePageAction = authorizedAction({ roles: staff, schema: z.object({ pageId, confirm: z.literal("delete", "Type delete to confirm") }) }, async ({ pageId: id }) => {
  await deletePage(db(), id);
  revalidatePath("/admin/pages");
  redirect("/admin/pages");
});

export const addPluginAction = authorizedAction({ roles: staff, schema: z.object({ pageId, type: z.enum(PLUGIN_TYPES) }) }, async ({ pageId: id, type }) => {
  const plugin = await addPlugin(db(), id, type);
  revalidatePath(`/admin/pages/${id}`);
  redirect(`/admin/pages/${id}/plugins/${plugin.id}`);
});

export const pluginChangeAction = authorizedAction(
  { roles: staff, schema: z.object({ pageId, pluginId, change: z.enum(["up", "down", "activate", "deactivate", "remove"]), confirm: z.string().optional() }) },
  async ({ pageId: id, pluginId: plugin, change, confirm }) => {
    if (change === "up" || change === "down") await movePlugin(db(), plugin, change);
    else if (change === "remove") {
      // On a live page, removing a call tool takes its targets, settings and clips, and members lose the form: asked twice.
      const found = await getPage(db(), id);
      if (found?.page.status === "published" && confirm?.trim() !== "remove") throw new FieldError("confirm", "Type remove to confirm: the page is live");
      await removePlugin(db(), plugin);
    }
    else await setPluginActive(db(), plugin, change === "activate");
    revalidatePath(`/admin/pages/${id}`);
  },
);
