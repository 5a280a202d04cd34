import { describe, expect, it } from "vitest";
import MemoryCacheHandler, { clearCache, invalidateCachedTags } from "./handler.mjs";

const page = (tags: string[]) => ({ kind: "APP_PAGE", html: "<p>hi</p>", headers: { "x-next-cache-tags": tags.join(",") } });

describe("the in-memory page cache", () => {
  it("keeps a page until one of its tags is revalidated, here or through an announcement", async () => {
    clearCache();
    const cache = new MemoryCacheHandler();
    await cache.set("/p/demo", page(["_N_T_/p/[slug]/page", "_N_T_/p/demo"]), {});
    await cache.set("/admin", page(["_N_T_/admin/page"]), {});
    expect(await cache.get("/p/demo")).toMatchObject({ value: { html: "<p>hi</p>" } });

    await cache.revalidateTag("_N_T_/admin/page");
    expect(await cache.get("/admin")).toBeNull();
    expect(await cache.get("/p/demo")).not.toBeNull();

    // What another instance's announcement does.
    expect(invalidateCachedTags(["_N_T_/p/[slug]/page"])).toBe(1);
    expect(await cache.get("/p/demo")).toBeNull();
  });

  it("takes tags from the cache context as well as the page's own header", async () => {
    clearCache();
    const cache = new MemoryCacheHandler();
    await cache.set("/p/x", page(["t"]), { tags: ["u"], softTags: ["v"] });
    expect(invalidateCachedTags(["v"])).toBe(1);
    expect(await cache.get("/p/x")).toBeNull();
  });
});
