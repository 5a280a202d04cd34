import "server-only";
import { revalidatePath } from "next/cache";
import { clearCache, invalidateCachedTags } from "../cache/handler.mjs";
import { db, type DatabaseHandle } from "../db/client";
import { listen, notify } from "../db/notify";
import { log } from "../log";

/**
 * The member's page and the embedded call tool are rendered once and served
 * from each instance's cache (lib/cache/handler.mjs) until a campaigner
 * changes something: a call-in day costs no database query per visitor.
 * Any change to any page or call tool empties every cached member page on
 * every instance. Saves are rare and a page renders in milliseconds, so
 * precision would buy nothing, and this way no change (a renamed address, a
 * removed tool, a clip) can be missed.
 */
const CHANNEL = "member_pages_changed";
// Next.js's implicit tags for every page of the two routes (what revalidatePath(route, "page") expires).
const MEMBER_PAGE_TAGS = ["_N_T_/p/[slug]/page", "_N_T_/embed/[pluginId]/page"];

/** After a change a member could see: this instance now, the others as soon as the database tells them. */
export async function memberPagesChanged(): Promise<void> {
  revalidatePath("/p/[slug]", "page");
  revalidatePath("/embed/[pluginId]", "page");
  await notify(db(), CHANNEL, JSON.stringify(MEMBER_PAGE_TAGS)).catch((error: unknown) => {
    // The other instances refresh on their next reconnection or change; this one already has.
    log.warn({ err: error }, "could not tell other instances that member pages changed");
  });
}

/** Each server process listens for changes made through the others. */
export function syncMemberPageCache(handle: DatabaseHandle): Promise<() => Promise<void>> {
  return listen(
    handle,
    CHANNEL,
    (payload) => {
      try {
        invalidateCachedTags(JSON.parse(payload) as string[]);
      } catch {
        clearCache();
      }
    },
    clearCache,
  );
}
