import { currentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { loadCallTool } from "@/lib/calltool/service";
import { targetsToCsv } from "@/lib/calltool/targets-csv";
import { db } from "@/lib/db/client";
import { slugify } from "@/lib/zod/page";

/** The targets as CSV (with a BOM, for Excel), in the columns the import reads. */
export async function GET(_request: Request, { params }: { params: Promise<{ pluginId: string }> }) {
  const user = await currentUser();
  if (!user || !(STAFF_ROLES as readonly string[]).includes(user.role)) return new Response("Forbidden", { status: 403 });
  const { pluginId } = await params;
  const tool = /^[0-9a-f-]{36}$/.test(pluginId) ? await loadCallTool(db(), pluginId) : null;
  if (!tool) return new Response("Not found", { status: 404 });
  return new Response(targetsToCsv(tool.targets), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(tool.page.slug)}-targets.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
