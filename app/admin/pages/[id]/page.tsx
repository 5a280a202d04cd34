import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/admin/status-badge";
import { PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { readCallToolConfig } from "@/lib/calltool/config";
import type { Language } from "@/lib/calltool/languages";
import { db } from "@/lib/db/client";
import { isPluginType, PLUGIN_LABELS } from "@/lib/pages/plugins";
import { getPage } from "@/lib/pages/service";
import { AddPluginForm, DeletePageForm, PluginControls, StatusControls } from "./page-controls";
import { PageForm } from "./page-form";

export const metadata: Metadata = { title: "Edit page" };

export default async function EditPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(STAFF_ROLES);
  const { id } = await params;
  const found = /^[0-9a-f-]{36}$/.test(id) ? await getPage(db(), id) : null;
  if (!found) notFound();
  const { page, plugins } = found;
  return (
    <>
      <PageHeader title={page.title} description={`/p/${page.slug}`}>
        <div className="flex items-center gap-3">
          <StatusBadge status={page.status} />
          <Link href={`/admin/stats?page=${page.id}`} className="text-sm font-semibold text-brand-700 hover:underline">
            Statistics
          </Link>
          <Link href={`/p/${page.slug}`} className="text-sm font-semibold text-brand-700 hover:underline" target="_blank">
            {page.status === "published" ? "Open page" : "Preview"}
          </Link>
          <Link href={`/admin/calls?page=${page.id}`} className="text-sm font-semibold text-brand-700 hover:underline">
            Calls
          </Link>
        </div>
      </PageHeader>
      <div className="grid gap-6 xl:grid-cols-[1fr_18rem]">
        <div className="space-y-6">
          <PageForm page={page} />
          <section className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" aria-labelledby="plugins-heading">
            <h2 id="plugins-heading" className="mb-4 font-semibold">On this page</h2>
            {plugins.length === 0 && <p className="mb-4 text-sm text-slate-600">Nothing yet. Add a call tool so members can phone their targets.</p>}
            <ol className="mb-4 divide-y divide-slate-100">
              {plugins.map((plugin, index) => {
                const label = isPluginType(plugin.type) ? PLUGIN_LABELS[plugin.type] : plugin.type;
                const title = plugin.type === "call_tool" ? readCallToolConfig(plugin.config, page.language as Language).title : label;
                return (
                  <li key={plugin.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                    <div>
                      <Link href={`/admin/pages/${page.id}/plugins/${plugin.id}`} className="font-medium text-brand-700 hover:underline">
                        {title}
                      </Link>
                      <span className="ml-2 text-xs text-slate-500">
                        {label}
                        {plugin.active ? "" : " · switched off"}
                      </span>
                    </div>
                    <PluginControls pageId={page.id} pluginId={plugin.id} active={plugin.active} first={index === 0} last={index === plugins.length - 1} label={title} live={page.status === "published" && plugin.active} />
                  </li>
                );
              })}
            </ol>
            <AddPluginForm pageId={page.id} />
          </section>
        </div>
        <aside className="space-y-6">
          <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 className="mb-3 font-semibold">Status</h2>
            <StatusControls pageId={page.id} status={page.status} />
          </section>
          <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 className="mb-3 font-semibold">Delete</h2>
            <DeletePageForm pageId={page.id} />
          </section>
        </aside>
      </div>
    </>
  );
}
