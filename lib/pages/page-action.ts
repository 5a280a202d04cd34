import "server-only";
import type { z } from "zod";
import { authorizedAction } from "../auth/action";
import { memberPagesChanged } from "./cache";

/**
 * authorizedAction for anything that edits a page or its plugins: afterwards
 * (also after a redirect, which is thrown), the cached member pages are
 * refreshed on every instance (lib/pages/cache.ts). Every action in the page
 * and plugin editors uses it, so none can leave members a stale page.
 */
export function pageEditAction<Schema extends z.ZodType>(...[options, run]: Parameters<typeof authorizedAction<Schema>>) {
  return authorizedAction(options, async (input, context) => {
    try {
      return await run(input, context);
    } finally {
      await memberPagesChanged();
    }
  });
}
