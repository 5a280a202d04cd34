import { db } from "@/lib/db/client";
import { log } from "@/lib/log";
import { cachedPageCount, COUNT_FRESH_MS } from "@/lib/stats/counter";

export const dynamic = "force-dynamic";

const SLUG = /^[a-z0-9-]{1,80}$/;
const seconds = COUNT_FRESH_MS / 1000;

/**
 * GET /api/pages/<slug>/count: { total, last24h, goal } for a published page,
 * at most a few seconds stale. Shared caches may keep it as long; each
 * instance asks the database at most once per page in that time.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!SLUG.test(slug)) return Response.json({ error: "No such page" }, { status: 404 });
  try {
    const count = await cachedPageCount(db(), slug);
    if (!count) return Response.json({ error: "No such page" }, { status: 404, headers: { "Cache-Control": `public, max-age=${seconds}` } });
    return Response.json(count, { headers: { "Cache-Control": `public, max-age=${seconds}, s-maxage=${seconds}, stale-while-revalidate=${seconds}` } });
  } catch (error) {
    log.error({ err: error, slug }, "could not count a page's calls");
    return Response.json({ error: "Try again in a moment" }, { status: 503, headers: { "Retry-After": "5" } });
  }
}
