import "server-only";
import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { FieldError, FormError, isUniqueViolation, StaleEditError } from "../errors";
import { SLUG_MAX, slugSchema, type PageStatus } from "../zod/page";
import type { Language } from "../calltool/languages";
import { defaultPluginConfig, type PluginType } from "./plugins";
import { callTargets, pages, plugins, type Page, type Plugin } from "./schema";

const slugTaken = () => new FieldError("slug", "Another page already uses this web address");

export function listPages(db: Db, filter: { search?: string; status?: PageStatus } = {}) {
  const search = filter.search?.trim();
  const pattern = search ? `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : undefined;
  return db
    .select({ id: pages.id, title: pages.title, slug: pages.slug, status: pages.status, language: pages.language, updatedAt: pages.updatedAt })
    .from(pages)
    .where(and(pattern ? or(ilike(pages.title, pattern), ilike(pages.slug, pattern)) : undefined, filter.status ? eq(pages.status, filter.status) : undefined))
    .orderBy(desc(pages.updatedAt))
    .limit(200);
}

export async function createPage(db: Db, input: { title: string; slug: string; language: Language }, userId: string): Promise<Page> {
  try {
    const [page] = await db.insert(pages).values({ ...input, createdBy: userId }).returning();
    return page!;
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

export async function getPage(db: Db, id: string): Promise<{ page: Page; plugins: Plugin[] } | null> {
  const [page] = await db.select().from(pages).where(eq(pages.id, id));
  if (!page) return null;
  const list = await db.select().from(plugins).where(eq(plugins.pageId, id)).orderBy(asc(plugins.position));
  return { page, plugins: list };
}

export type PageFields = { title: string; slug: string; body: string; language: Language; followUpUrl: string; callGoal?: number | null };

/** Saves the page's fields if nobody saved since `version` was read. */
export async function updatePage(db: Db, id: string, version: number, fields: PageFields): Promise<Page> {
  try {
    const [page] = await db
      .update(pages)
      .set({ ...fields, followUpUrl: fields.followUpUrl || null, version: sql`${pages.version} + 1` })
      .where(and(eq(pages.id, id), eq(pages.version, version)))
      .returning();
    if (!page) throw (await pageExists(db, id)) ? new StaleEditError("page") : new FormError("This page no longer exists.");
    return page;
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

async function pageExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: pages.id }).from(pages).where(eq(pages.id, id));
  return !!row;
}

/**
 * Publishes or unpublishes. The version guards the page's fields against a
 * second editor, and publishing changes none of them: bumping it would make
 * the open editor's next save look stale ("changed by someone else").
 */
export async function setPageStatus(db: Db, id: string, status: PageStatus): Promise<void> {
  await db
    .update(pages)
    .set({ status, publishedAt: status === "published" ? new Date() : null })
    .where(eq(pages.id, id));
}

// A copy's address keeps at least this much of the original's, leaving room for "-copy-<n>".
const COPY_PREFIX = SLUG_MAX - 20;

/**
 * The first free "<slug>-copy", "<slug>-copy-2", …, the original cut short
 * when needed so the whole stays a valid address of at most SLUG_MAX characters.
 */
export function copySlug(original: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "-copy" : `-copy-${n}`;
    const slug = `${original.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(slug)) return slugSchema.parse(slug);
  }
}

/** A copy of a page, as a draft, with its plugins and new ids for its targets (target ids are app-wide). */
export async function duplicatePage(db: Db, id: string, userId: string): Promise<Page> {
  return db.transaction(async (tx) => {
    const [original] = await tx.select().from(pages).where(eq(pages.id, id));
    if (!original) throw new FormError("This page no longer exists.");
    // Slugs hold only [a-z0-9-], so the prefix needs no escaping in LIKE.
    const similar = await tx.select({ slug: pages.slug }).from(pages).where(ilike(pages.slug, `${original.slug.slice(0, COPY_PREFIX)}%`));
    const slug = copySlug(original.slug, new Set(similar.map((row) => row.slug)));
    const [copy] = await tx
      .insert(pages)
      .values({ slug, title: `${original.title} (copy)`, body: original.body, language: original.language, followUpUrl: original.followUpUrl, createdBy: userId })
      .returning();
    const originals = await tx.select().from(plugins).where(eq(plugins.pageId, id)).orderBy(asc(plugins.position));
    for (const plugin of originals) {
      const [pluginCopy] = await tx
        .insert(plugins)
        .values({ pageId: copy!.id, type: plugin.type, position: plugin.position, active: plugin.active, config: plugin.config })
        .returning();
      const targets = await tx.select().from(callTargets).where(eq(callTargets.pluginId, plugin.id));
      if (targets.length > 0) {
        await tx.insert(callTargets).values(targets.map((target) => ({ ...target, id: crypto.randomUUID(), pluginId: pluginCopy!.id })));
      }
    }
    return copy!;
  });
}

export async function deletePage(db: Db, id: string): Promise<void> {
  await db.delete(pages).where(eq(pages.id, id));
}

export async function addPlugin(db: Db, pageId: string, type: PluginType): Promise<Plugin> {
  const found = await getPage(db, pageId);
  if (!found) throw new FormError("This page no longer exists.");
  const position = found.plugins.reduce((max, plugin) => Math.max(max, plugin.position), -1) + 1;
  const [plugin] = await db
    .insert(plugins)
    .values({ pageId, type, position, config: defaultPluginConfig(type, found.page.language as Language) })
    .returning();
  return plugin!;
}

/** Swaps a plugin with its neighbour above or below. */
export async function movePlugin(db: Db, pluginId: string, direction: "up" | "down"): Promise<void> {
  await db.transaction(async (tx) => {
    const [plugin] = await tx.select().from(plugins).where(eq(plugins.id, pluginId));
    if (!plugin) throw new FormError("This plugin no longer exists.");
    const siblings = await tx.select().from(plugins).where(eq(plugins.pageId, plugin.pageId)).orderBy(asc(plugins.position));
    const index = siblings.findIndex((sibling) => sibling.id === pluginId);
    const neighbour = siblings[direction === "up" ? index - 1 : index + 1];
    if (!neighbour) return;
    await tx.update(plugins).set({ position: neighbour.position }).where(eq(plugins.id, plugin.id));
    await tx.update(plugins).set({ position: plugin.position }).where(eq(plugins.id, neighbour.id));
  });
}

export async function setPluginActive(db: Db, pluginId: string, active: boolean): Promise<void> {
  await db.update(plugins).set({ active, version: sql`${plugins.version} + 1` }).where(eq(plugins.id, pluginId));
}

export async function removePlugin(db: Db, pluginId: string): Promise<void> {
  await db.delete(plugins).where(eq(plugins.id, pluginId));
}
