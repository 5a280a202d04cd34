import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import type { Db } from "../db/client";
import { log } from "../log";
import { pages, plugins } from "../pages/schema";
import { loadCallFacts } from "./calls";
import { readCallToolConfig } from "./config";
import type { Language } from "./languages";
import { memberProgress, type MemberProgress } from "./progress";

export type MemberCallView = {
  progress: MemberProgress;
  language: string;
  page: { title: string; slug: string } | null;
  pluginId: string | null;
  tool: { title: string; description: string } | null;
};

/**
 * A call as its member sees it without JavaScript: the progress, with the
 * page's title and the call tool's talking points around it. Three queries.
 */
export const memberCallView = cache(async (db: Db, callId: string): Promise<MemberCallView | null> => {
  try {
    return await loadView(db, callId);
  } catch (error) {
    // Through the masking logger: the framework would print the failed query, member's number and all.
    log.error({ err: error, callId }, "could not read a call's status");
    throw new Error("The call's status could not be read just now.");
  }
});

async function loadView(db: Db, callId: string): Promise<MemberCallView | null> {
  const found = await loadCallFacts(db, callId);
  if (!found) return null;
  const { call, facts } = found;
  const [page] = call.pageId ? await db.select({ title: pages.title, slug: pages.slug, language: pages.language }).from(pages).where(eq(pages.id, call.pageId)) : [];
  const [plugin] = call.pluginId ? await db.select({ config: plugins.config }).from(plugins).where(eq(plugins.id, call.pluginId)) : [];
  const config = plugin && page ? readCallToolConfig(plugin.config, page.language as Language) : null;
  return {
    progress: memberProgress(call, facts),
    language: call.script.language,
    page: page ? { title: page.title, slug: page.slug } : null,
    pluginId: call.pluginId,
    tool: config ? { title: config.title, description: config.description } : null,
  };
}
