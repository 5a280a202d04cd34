// @ts-check
/**
 * Next.js's cache for rendered pages (ISR), held in this process's memory
 * and emptied by tag. Next.js's default keeps it on disk, where it outlives
 * a restart and is emptied only by the instance that revalidated it; several
 * instances on one database would then serve a page one of them has changed.
 * Here each instance holds its own copy, and a change is announced to every
 * instance through PostgreSQL (lib/pages/cache.ts): each drops what the change
 * touched, and renders it afresh on the next visit.
 *
 * next.config.mjs points `cacheHandler` here. The app's code reaches the same
 * store through globalThis (invalidateCachedTags), because Next.js loads this
 * file apart from the app's bundles.
 */

const KEY = Symbol.for("patchthrough.page-cache");
/** Enough for every page of a large organisation; the oldest entry goes first past it. */
const MAX_ENTRIES = 2000;

/** @typedef {{ value: unknown, lastModified: number, tags: Set<string>, cacheControl?: unknown }} Entry */

/** @returns {Map<string, Entry>} */
function store() {
  const holder = /** @type {Record<symbol, Map<string, Entry> | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (holder[KEY] ??= new Map());
}

/** Drops every entry carrying one of `tags`; answers how many. */
export function invalidateCachedTags(/** @type {string[]} */ tags) {
  const wanted = new Set(tags);
  let dropped = 0;
  for (const [key, entry] of store()) {
    for (const tag of entry.tags) {
      if (wanted.has(tag)) {
        store().delete(key);
        dropped += 1;
        break;
      }
    }
  }
  return dropped;
}

/** Drops everything: after a gap in the announcements (a lost database connection), nothing cached can be trusted. */
export function clearCache() {
  store().clear();
}

/** @param {unknown} value */
function tagsOf(value, /** @type {{ tags?: string[], softTags?: string[] } | undefined} */ ctx) {
  const tags = new Set([...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])]);
  const headers = /** @type {{ headers?: Record<string, unknown> } | null} */ (value)?.headers;
  const header = headers?.["x-next-cache-tags"];
  if (typeof header === "string") for (const tag of header.split(",")) if (tag) tags.add(tag);
  return tags;
}

export default class MemoryCacheHandler {
  /** @param {string} key */
  async get(key) {
    const entry = store().get(key);
    return entry ? { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl } : null;
  }

  /**
   * @param {string} key
   * @param {unknown} value
   * @param {{ tags?: string[], softTags?: string[], cacheControl?: unknown } | undefined} ctx
   */
  async set(key, value, ctx) {
    const entries = store();
    entries.delete(key);
    entries.set(key, { value, lastModified: Date.now(), tags: tagsOf(value, ctx), cacheControl: ctx?.cacheControl });
    if (entries.size > MAX_ENTRIES) entries.delete(/** @type {string} */ (entries.keys().next().value));
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    invalidateCachedTags(typeof tags === "string" ? [tags] : tags);
  }

  resetRequestCache() {}
}
