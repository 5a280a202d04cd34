import type { Metadata } from "next";
import Link from "next/link";
import { CallFilters } from "@/components/calllog/filters-form";
import { CallList } from "@/components/calllog/call-list";
import { TimeZoneCookie } from "@/components/calllog/time-zone-cookie";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { filtersQuery, readFilters } from "@/lib/calllog/filters";
import { zoneLabel } from "@/lib/calllog/format";
import { withOutcomes } from "@/lib/calllog/live";
import { filterOptions } from "@/lib/calllog/options";
import { callLogPage } from "@/lib/calllog/query";
import { campaignerTimeZone } from "@/lib/calllog/time-zone";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Calls" };
export const dynamic = "force-dynamic";

/** The call log: filtered by the query string, a page at a time by keyset (`after`), see lib/calllog/README.md. */
export default async function CallsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole(STAFF_ROLES);
  const filters = readFilters(await searchParams);
  const timeZone = await campaignerTimeZone();
  const [{ rows, next }, options] = await Promise.all([callLogPage(db(), filters, timeZone), filterOptions(db(), filters)]);
  const shown = await withOutcomes(db(), rows);
  const filtered = filtersQuery(filters) !== "";
  return (
    <>
      <TimeZoneCookie current={timeZone} />
      <PageHeader title="Calls" description={`Every call members made from your pages, newest first. Times are in ${zoneLabel(timeZone)}.`}>
        <a href={`/admin/calls/export.csv${filtersQuery(filters)}`} className="rounded-md bg-white px-3 py-2 text-sm font-semibold text-slate-900 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50" download>
          Download CSV
        </a>
      </PageHeader>
      <CallFilters filters={filters} options={options} timeZoneLabel={zoneLabel(timeZone)} />
      {shown.length === 0 ? (
        <EmptyState title={filtered || filters.after ? "No calls match" : "No calls yet"}>
          {filtered || filters.after ? "Try fewer filters, or a wider date range." : "Calls made from your pages appear here with their outcome, as soon as a member places one."}
        </EmptyState>
      ) : (
        <CallList rows={shown} timeZone={timeZone} />
      )}
      <nav aria-label="More calls" className="mt-4 flex gap-4 text-sm">
        {filters.after && (
          <Link href={`/admin/calls${filtersQuery(filters)}`} className="text-brand-700 hover:underline">
            ← Newest calls
          </Link>
        )}
        {next && (
          <Link href={`/admin/calls${filtersQuery(filters, next)}`} className="text-brand-700 hover:underline">
            Older calls →
          </Link>
        )}
      </nav>
    </>
  );
}
