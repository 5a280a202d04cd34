import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/admin/status-badge";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listPages } from "@/lib/pages/service";
import { PAGE_STATUSES, type PageStatus } from "@/lib/zod/page";

export const metadata: Metadata = { title: "Pages" };
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export default async function PagesPage({ searchParams }: { searchParams: Promise<{ q?: string; status?: string }> }) {
  await requireRole(STAFF_ROLES);
  const { q = "", status } = await searchParams;
  const filterStatus = (PAGE_STATUSES as readonly string[]).includes(status ?? "") ? (status as PageStatus) : undefined;
  const list = await listPages(db(), { search: q, status: filterStatus });
  return (
    <>
      <PageHeader title="Pages" description="Campaign pages and the call tools on them.">
        <Link href="/admin/pages/new" className={buttonClass()}>
          New page
        </Link>
      </PageHeader>
      <form role="search" className="mb-4 flex flex-wrap gap-2">
        <label className="sr-only" htmlFor="q">Search pages</label>
        <input id="q" name="q" defaultValue={q} placeholder="Search by title or address" className="w-72 rounded-md border border-slate-300 px-3 py-2 text-sm" />
        <label className="sr-only" htmlFor="status">Status</label>
        <select id="status" name="status" defaultValue={filterStatus ?? ""} className="rounded-md border border-slate-300 px-3 py-2 text-sm">
          <option value="">Any status</option>
          <option value="draft">Drafts</option>
          <option value="published">Published</option>
        </select>
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>
      {list.length === 0 ? (
        <EmptyState title={q || filterStatus ? "No page matches" : "No campaign pages yet"}>
          {q || filterStatus ? "Try another search." : "Create a page, put a call tool on it, and publish it to start taking calls."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">Page</th>
                <th scope="col" className="px-4 py-3 font-medium">Status</th>
                <th scope="col" className="px-4 py-3 font-medium">Updated</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.map((page) => (
                <tr key={page.id}>
                  <td className="px-4 py-3">
                    <Link href={`/admin/pages/${page.id}`} className="font-medium text-brand-700 hover:underline">
                      {page.title}
                    </Link>
                    <div className="text-slate-500">/p/{page.slug}</div>
                  </td>
                  <td className="px-4 py-3"><StatusBadge status={page.status} /></td>
                  <td className="px-4 py-3 text-slate-600">{dateFormat.format(page.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
