import { currentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { exportCallsCsv } from "@/lib/calllog/export";
import { readFilters } from "@/lib/calllog/filters";
import { campaignerTimeZone } from "@/lib/calllog/time-zone";
import { database } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** The call log as CSV, with the same filters as /admin/calls (lib/calllog/README.md), streamed. */
export async function GET(request: Request) {
  const user = await currentUser();
  if (!user || !(STAFF_ROLES as readonly string[]).includes(user.role)) return new Response("Forbidden", { status: 403 });
  const filters = readFilters(new URL(request.url).searchParams);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(exportCallsCsv(database(), filters, await campaignerTimeZone()), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="calls-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
