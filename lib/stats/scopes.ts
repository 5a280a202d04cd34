import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { readCallToolConfig } from "../calltool/config";
import type { Language } from "../calltool/languages";
import { pages, plugins } from "../pages/schema";
import type { StatsScope } from "./call-stats";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type ScopeChoice = { pageId: string; pageTitle: string; tools: { pluginId: string; title: string }[] };

/** The pages and call tools a campaigner can narrow the statistics to, in the order of the pages list. */
export async function scopeChoices(db: Db): Promise<ScopeChoice[]> {
  const rows = await db
    .select({ pageId: pages.id, pageTitle: pages.title, language: pages.language, pluginId: plugins.id, config: plugins.config })
    .from(pages)
    .leftJoin(plugins, and(eq(plugins.pageId, pages.id), eq(plugins.type, "call_tool")))
    .orderBy(asc(pages.title), asc(plugins.position));
  const choices = new Map<string, ScopeChoice>();
  for (const row of rows) {
    const choice = choices.get(row.pageId) ?? { pageId: row.pageId, pageTitle: row.pageTitle, tools: [] };
    if (row.pluginId) choice.tools.push({ pluginId: row.pluginId, title: readCallToolConfig(row.config ?? {}, row.language as Language).title });
    choices.set(row.pageId, choice);
  }
  return [...choices.values()];
}

export type ScopeQuery = { page?: string | string[]; tool?: string | string[]; scope?: string | string[] };

/**
 * The scope a statistics address asks for (`?page=<id>`, `?tool=<id>`, or
 * the picker's `?scope=page:<id>` / `?scope=tool:<id>`),
 * with its name; null when it names something that doesn't exist, so the
 * page answers 404 rather than empty figures for a typo.
 */
export function resolveScope(query: ScopeQuery, choices: ScopeChoice[]): { scope: StatsScope; name: string } | null {
  const one = (value: string | string[] | undefined) => (typeof value === "string" && value ? value : undefined);
  const picked = one(query.scope);
  const tool = one(query.tool) ?? (picked?.startsWith("tool:") ? picked.slice(5) : undefined);
  const page = one(query.page) ?? (picked?.startsWith("page:") ? picked.slice(5) : undefined);
  if (picked && !tool && !page) return null;
  if (tool) {
    if (!UUID.test(tool)) return null;
    const owner = choices.find((choice) => choice.tools.some((t) => t.pluginId === tool));
    const found = owner?.tools.find((t) => t.pluginId === tool);
    return owner && found ? { scope: { pluginId: tool }, name: `${owner.pageTitle}: ${found.title}` } : null;
  }
  if (page) {
    if (!UUID.test(page)) return null;
    const owner = choices.find((choice) => choice.pageId === page);
    return owner ? { scope: { pageId: page }, name: owner.pageTitle } : null;
  }
  return { scope: {}, name: "All pages" };
}
