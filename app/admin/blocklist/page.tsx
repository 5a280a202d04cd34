import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { listBlocklist } from "@/lib/blocklist/service";
import { db } from "@/lib/db/client";
import { AddToBlocklistForm, RemoveFromBlocklistForm } from "./forms";

export const metadata: Metadata = { title: "Blocklist" };

const KIND_LABELS: Record<string, string> = { number: "Phone number", ip: "IP address" };
const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export default async function BlocklistPage() {
  await requireRole(STAFF_ROLES);
  const entries = await listBlocklist(db());
  return (
    <>
      <PageHeader title="Blocklist" description="Member phone numbers and IP addresses that may not place calls. Blocking one again updates its reason and expiry." />
      <AddToBlocklistForm />
      <section className="mt-8">
        {entries.length === 0 ? (
          <EmptyState title="Nobody is blocked">Block a number or address that abuses your call tools; every call it tries afterwards is refused and counted here.</EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">Kind</th>
                  <th scope="col" className="px-4 py-3 font-medium">Number or address</th>
                  <th scope="col" className="px-4 py-3 font-medium">Reason</th>
                  <th scope="col" className="px-4 py-3 font-medium">Hits</th>
                  <th scope="col" className="px-4 py-3 font-medium">Last hit</th>
                  <th scope="col" className="px-4 py-3 font-medium">Expires</th>
                  <th scope="col" className="px-4 py-3 font-medium"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {entries.map((entry) => (
                  <tr key={entry.id} className={entry.expired ? "text-slate-500" : undefined}>
                    <td className="px-4 py-3">{KIND_LABELS[entry.kind] ?? entry.kind}</td>
                    <td className="px-4 py-3 font-mono">{entry.value}</td>
                    <td className="px-4 py-3">{entry.reason || "—"}</td>
                    <td className="px-4 py-3 tabular-nums">{entry.hitCount}</td>
                    <td className="px-4 py-3">{entry.lastHitAt ? timeFormat.format(entry.lastHitAt) : "Never"}</td>
                    <td className="px-4 py-3">{entry.expired ? <span className="font-medium text-amber-800">Expired</span> : entry.expiresAt ? timeFormat.format(entry.expiresAt) : "Never"}</td>
                    <td className="px-4 py-3 text-right">
                      <RemoveFromBlocklistForm id={entry.id} value={entry.value} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
