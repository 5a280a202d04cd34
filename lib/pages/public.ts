import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { readCallToolConfig, type CallToolConfig } from "../calltool/config";
import type { Language } from "../calltool/languages";
import { callTargets, pages, plugins, soundClips, type CallTargetRow, type Page } from "./schema";

export type MemberCallTool = { id: string; config: CallToolConfig; targets: CallTargetRow[] };
export type MemberPage = { page: Page; callTools: MemberCallTool[] };

/** A page as members see it: its active call tools, in order, with their targets. Three queries. */
export async function findMemberPage(db: Db, where: { slug: string } | { pluginId: string }): Promise<MemberPage | null> {
  let page: Page | undefined;
  if ("slug" in where) {
    [page] = await db.select().from(pages).where(eq(pages.slug, where.slug));
  } else {
    const [row] = await db.select({ page: pages }).from(plugins).innerJoin(pages, eq(pages.id, plugins.pageId)).where(eq(plugins.id, where.pluginId));
    page = row?.page;
  }
  if (!page) return null;
  const active = await db
    .select()
    .from(plugins)
    .where(and(eq(plugins.pageId, page.id), eq(plugins.active, true), eq(plugins.type, "call_tool")))
    .orderBy(asc(plugins.position));
  const chosen = "pluginId" in where ? active.filter((plugin) => plugin.id === where.pluginId) : active;
  const targets = chosen.length
    ? await db.select().from(callTargets).where(inArray(callTargets.pluginId, chosen.map((plugin) => plugin.id))).orderBy(asc(callTargets.position))
    : [];
  return {
    page,
    callTools: chosen.map((plugin) => ({
      id: plugin.id,
      config: readCallToolConfig(plugin.config, page.language as Language),
      targets: targets.filter((target) => target.pluginId === plugin.id),
    })),
  };
}

export async function clipUrls(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((id): id is string => !!id);
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: soundClips.id, url: soundClips.url }).from(soundClips).where(inArray(soundClips.id, wanted));
  return new Map(rows.map((row) => [row.id, row.url]));
}
