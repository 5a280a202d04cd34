import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { callTargets, pages, plugins } from "../pages/schema";

/** What the call log's filters offer: pages, their call tools and the tools' targets (narrowed to the chosen tool or page). */
export async function filterOptions(db: Db, chosen: { page?: string; tool?: string }) {
  const [pageList, tools] = await Promise.all([
    db.select({ id: pages.id, title: pages.title }).from(pages).orderBy(asc(pages.title)),
    db.select({ id: plugins.id, pageId: plugins.pageId, pageTitle: pages.title }).from(plugins).innerJoin(pages, eq(pages.id, plugins.pageId)).where(eq(plugins.type, "call_tool")).orderBy(asc(pages.title), asc(plugins.position)),
  ]);
  const targetQuery = db.select({ id: callTargets.id, name: callTargets.name, pluginId: callTargets.pluginId }).from(callTargets);
  const targets = chosen.tool
    ? await targetQuery.where(eq(callTargets.pluginId, chosen.tool)).orderBy(asc(callTargets.position))
    : chosen.page
      ? await targetQuery.innerJoin(plugins, eq(plugins.id, callTargets.pluginId)).where(eq(plugins.pageId, chosen.page)).orderBy(asc(callTargets.name))
      : await targetQuery.orderBy(asc(callTargets.name)).limit(1000);
  // A page with two call tools tells them apart by their order on it.
  const toolLabels = tools.map((tool) => {
    const siblings = tools.filter((other) => other.pageId === tool.pageId);
    return { id: tool.id, label: siblings.length > 1 ? `${tool.pageTitle} (call tool ${siblings.indexOf(tool) + 1})` : tool.pageTitle };
  });
  return { pages: pageList, tools: toolLabels, targets };
}
