import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { SIGNATURE_HEADER } from "@/lib/integrations/signature";
import { getEndpoint, recentDeliveries } from "@/lib/integrations/service";
import { EndpointControls, ResendForm } from "../forms";

export const metadata: Metadata = { title: "Integration" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" });
const STATUS: Record<string, { label: string; tone: string }> = {
  pending: { label: "Queued", tone: "bg-slate-100 text-slate-800" },
  sending: { label: "Sending", tone: "bg-slate-100 text-slate-800" },
  retrying: { label: "Will retry", tone: "bg-amber-100 text-amber-900" },
  delivered: { label: "Delivered", tone: "bg-green-100 text-green-900" },
  failed: { label: "Failed", tone: "bg-red-100 text-red-900" },
};

export default async function IntegrationPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(["admin"]);
  const { id } = await params;
  const endpoint = UUID.test(id) ? await getEndpoint(db(), id) : null;
  if (!endpoint) notFound();
  const deliveries = await recentDeliveries(db(), endpoint.id);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/integrations" className="text-brand-700 hover:underline">
          ← Integrations
        </Link>
      </p>
      <PageHeader title={endpoint.description || "Webhook address"} description={endpoint.url} />
      <EndpointControls id={endpoint.id} active={endpoint.active} />
      <details className="mt-6 rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200">
        <summary className="cursor-pointer font-semibold">Signing secret and how to check a delivery</summary>
        <p className="mt-3">
          Each delivery is a POST of JSON with the header <code>{SIGNATURE_HEADER}: t=&lt;unix time&gt;,v1=&lt;signature&gt;</code>. The signature is the hex HMAC-SHA256, keyed with this
          secret, of the time, a full stop and the raw body. Check it, and refuse deliveries more than five minutes old. <code>Patchthrough-Delivery</code> is the same on every retry of one
          delivery, so you can ignore repeats.
        </p>
        <p className="mt-3 break-all font-mono">{endpoint.secret}</p>
      </details>
      <section className="mt-8">
        <h2 className="mb-3 text-lg font-semibold">Recent deliveries</h2>
        {deliveries.length === 0 ? (
          <EmptyState title="Nothing sent yet">Calls that end from now on are sent here. Send a test delivery to try the address.</EmptyState>
        ) : (
          <ul className="space-y-3">
            {deliveries.map((delivery) => {
              const status = STATUS[delivery.status] ?? STATUS.pending!;
              return (
                <li key={delivery.id} className="rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <span>
                      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${status.tone}`}>{status.label}</span>
                      <span className="ml-2 font-medium">{delivery.eventType}</span>
                      <span className="ml-2 text-slate-600">{timeFormat.format(delivery.createdAt)} UTC</span>
                    </span>
                    {(delivery.status === "delivered" || delivery.status === "failed") && <ResendForm id={delivery.id} endpointId={endpoint.id} />}
                  </div>
                  <p className="mt-2 text-slate-700">
                    {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"}
                    {delivery.lastStatusCode !== null && <>; the address answered HTTP {delivery.lastStatusCode}</>}
                    {delivery.lastError && <>; {delivery.lastError}</>}
                  </p>
                  <details className="mt-2">
                    <summary className="cursor-pointer text-slate-600">What was sent</summary>
                    <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-xs">{JSON.stringify(delivery.payload, null, 2)}</pre>
                  </details>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
