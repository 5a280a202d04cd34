import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listEndpoints } from "@/lib/integrations/service";
import { AddEndpointForm } from "./forms";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  await requireRole(["admin"]);
  const endpoints = await listEndpoints(db());
  return (
    <>
      <PageHeader
        title="Integrations"
        description="Tell your CRM about every call: when a call ends, Patchthrough posts it as signed JSON to each address here, retrying for about two hours if the address doesn't answer."
      />
      <AddEndpointForm />
      <section className="mt-8">
        {endpoints.length === 0 ? (
          <EmptyState title="No addresses yet">Add your CRM&apos;s webhook address (Zapier, Make, Action Network, your own server) to receive each call&apos;s outcome.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
            {endpoints.map((endpoint) => (
              <li key={endpoint.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <Link href={`/admin/integrations/${endpoint.id}`} className="break-all font-medium text-brand-700 hover:underline">
                  {endpoint.url}
                </Link>
                <span className="text-slate-600">
                  {endpoint.description}
                  {!endpoint.active && <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Paused</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
