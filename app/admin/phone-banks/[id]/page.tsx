import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { RoutingStatus } from "@/components/admin/number-routing";
import { routingOrProblem } from "@/lib/phone-numbers/routing";
import { listPhoneNumbers } from "@/lib/phone-numbers/service";
import { loadPhoneBank } from "@/lib/phonebank/service";
import { dashboard } from "@/lib/phonebank/views";
import { ConnectNumberForm, OpenBadge, OpenCloseForm } from "../forms";
import { LeadsImport } from "./leads-import";
import { LiveView } from "./live-view";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Phone bank" };
export const dynamic = "force-dynamic";

export default async function PhoneBankPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(STAFF_ROLES);
  const bank = await loadPhoneBank(db(), (await params).id);
  if (!bank) notFound();
  const [numbers, live, routing] = await Promise.all([listPhoneNumbers(db()), dashboard(db(), bank.id), bank.inboundNumber ? routingOrProblem(bank.inboundNumber) : null]);
  const connected = routing?.kind === "route" && routing.route === "phone-bank";
  return (
    <>
      <PageHeader title={bank.name} description="Volunteers open the link below, join, and dial in with the code they're given.">
        <div className="flex items-center gap-3">
          <OpenBadge open={bank.status === "open"} />
          <Link href={`/admin/stats?bank=${bank.id}`} className="text-sm font-semibold text-brand-700 hover:underline">
            Statistics
          </Link>
          <OpenCloseForm id={bank.id} open={bank.status === "open"} />
        </div>
      </PageHeader>
      <div className="space-y-8">
        <section className="space-y-2 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" aria-labelledby="dial-in-heading">
          <h2 id="dial-in-heading" className="text-lg font-semibold">Volunteers</h2>
          <p className="text-sm">
            Volunteer page:{" "}
            <Link href={`/phone-bank/${bank.id}`} className="font-mono text-brand-700 hover:underline">
              /phone-bank/{bank.id}
            </Link>
          </p>
          {bank.inboundNumber ? (
            <>
              <p className="text-sm">
                They dial <span className="font-mono">{bank.inboundNumber}</span>.
              </p>
              {routing && <RoutingStatus routing={routing} route="phone-bank" feature="the phone bank" callers="volunteers" />}
              <ConnectNumberForm id={bank.id} label={connected ? "Connect it again" : "Use this number for phone banks"} />
            </>
          ) : (
            <p className="text-sm text-amber-800">Choose the number volunteers dial in the settings below.</p>
          )}
        </section>
        <LiveView id={bank.id} initial={live} />
        <section className="space-y-3 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" aria-labelledby="leads-heading">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="leads-heading" className="text-lg font-semibold">Leads</h2>
            <a href={`/admin/phone-banks/${bank.id}/leads.csv`} className="text-sm font-medium text-brand-700 hover:underline">
              Export leads with outcomes (CSV)
            </a>
          </div>
          <LeadsImport id={bank.id} />
        </section>
        <SettingsForm
          numbers={numbers.map((entry) => ({ number: entry.number, label: entry.label }))}
          values={{
            id: bank.id,
            version: bank.version,
            name: bank.name,
            script: bank.script,
            inboundNumber: bank.inboundNumber,
            callerId: bank.callerId,
            dispositions: bank.dispositions,
            callingStart: bank.callingStart,
            callingEnd: bank.callingEnd,
            recall: bank.recall,
            machineDetection: bank.machineDetection,
            voicemailMessage: bank.voicemailMessage,
          }}
        />
      </div>
    </>
  );
}
