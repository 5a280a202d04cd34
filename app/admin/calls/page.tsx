import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { recentCalls } from "@/lib/calltool/call-log";
import { db } from "@/lib/db/client";
import { maskPhoneNumber } from "@/lib/log";

export const metadata: Metadata = { title: "Calls" };
export const dynamic = "force-dynamic";
const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "short", timeStyle: "medium" });

export default async function CallsPage() {
  await requireRole(STAFF_ROLES);
  const list = await recentCalls(db());
  return (
    <>
      <PageHeader title="Calls" description="The latest 100 calls members made from your pages." />
      {list.length === 0 ? (
        <EmptyState title="No calls yet">Calls made from your pages appear here with their outcome, as soon as a member places one.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                {["When", "Page", "Target", "Member", "Outcome"].map((heading) => (
                  <th key={heading} scope="col" className="px-4 py-3 font-medium">
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.map((call) => (
                <tr key={call.id} data-testid="call-row">
                  <td className="px-4 py-3 whitespace-nowrap">
                    <Link href={`/admin/calls/${call.id}`} className="text-brand-700 hover:underline">
                      {time.format(call.createdAt)}
                    </Link>
                  </td>
                  <td className="px-4 py-3">{call.pageTitle}</td>
                  <td className="px-4 py-3">{call.targetName}</td>
                  <td className="px-4 py-3 font-mono">{maskPhoneNumber(call.memberPhone)}</td>
                  <td className="px-4 py-3">{call.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
