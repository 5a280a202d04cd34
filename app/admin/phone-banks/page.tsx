import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listPhoneBanks } from "@/lib/phonebank/service";
import { NewPhoneBankForm, OpenBadge } from "./forms";

export const metadata: Metadata = { title: "Phone banks" };

export default async function AdminPhoneBanksPage() {
  await requireRole(STAFF_ROLES);
  const banks = await listPhoneBanks(db());
  return (
    <>
      <PageHeader title="Phone banks" description="Volunteers dial in once with an access code and are put through to lead after lead." />
      <NewPhoneBankForm />
      <section className="mt-8">
        {banks.length === 0 ? (
          <EmptyState title="No phone banks yet">Create one, import its leads from a spreadsheet, and send volunteers its link.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
            {banks.map((bank) => (
              <li key={bank.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm" data-testid="phone-bank-row">
                <span>
                  <Link href={`/admin/phone-banks/${bank.id}`} className="font-medium text-brand-700 hover:underline">
                    {bank.name}
                  </Link>
                  <span className="ml-2 text-slate-600">
                    {bank.leadCount} lead{bank.leadCount === 1 ? "" : "s"} · {bank.volunteersOnline} volunteer{bank.volunteersOnline === 1 ? "" : "s"} online
                  </span>
                </span>
                <OpenBadge open={bank.status === "open"} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
