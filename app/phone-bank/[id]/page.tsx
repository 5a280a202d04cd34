import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FormMessage } from "@/components/form/form-message";
import { Markdown } from "@/components/markdown";
import { PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { ROLES, STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { loadPhoneBank } from "@/lib/phonebank/service";
import { currentSession } from "@/lib/phonebank/sessions";
import { consoleView } from "@/lib/phonebank/views";
import { telephonyConfig } from "@/lib/telephony/config";
import { VolunteerConsole } from "./console";
import { JoinForm } from "./join-form";

export const metadata: Metadata = { title: "Phone bank" };
export const dynamic = "force-dynamic";

export default async function VolunteerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole(ROLES);
  const bank = await loadPhoneBank(db(), (await params).id);
  if (!bank) notFound();
  const session = await currentSession(db(), bank.id, user.id);
  const view = session ? await consoleView(db(), session.id) : null;
  return (
    <>
      <PageHeader title={bank.name} description="Stay on one phone call: each supporter who picks up is put straight through to you." />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div>
          {view ? (
            <VolunteerConsole
              phoneBankId={bank.id}
              initial={view}
              virtualPhone={telephonyConfig().mode !== "simulator" ? null : (STAFF_ROLES as readonly string[]).includes(user.role) ? "open" : "staff-only"}
            />
          ) : bank.status !== "open" ? (
            <FormMessage error="This phone bank is closed." />
          ) : (
            <JoinForm phoneBankId={bank.id} />
          )}
        </div>
        <aside className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" aria-labelledby="script-heading">
          <h2 id="script-heading" className="mb-2 font-semibold">
            Script
          </h2>
          {bank.script ? <Markdown className="text-sm">{bank.script}</Markdown> : <p className="text-sm text-slate-500">No script for this phone bank.</p>}
        </aside>
      </div>
    </>
  );
}
