import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listPhoneBanks } from "@/lib/phonebank/service";

export const metadata: Metadata = { title: "Phone banks" };
export const dynamic = "force-dynamic";

export default async function PhoneBanksPage() {
  await requireRole(ROLES);
  const banks = await listPhoneBanks(db(), { openOnly: true });
  return (
    <>
      <PageHeader title="Phone banks" description="Pick one, join, and dial in: we'll put you through to one supporter after another." />
      {banks.length === 0 ? (
        <EmptyState title="No phone bank is open">The campaign team opens phone banks in /admin; check back when yours starts.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          {banks.map((bank) => (
            <li key={bank.id} className="px-4 py-3">
              <Link href={`/phone-bank/${bank.id}`} className="font-medium text-brand-700 hover:underline">
                {bank.name}
              </Link>
              <span className="ml-2 text-sm text-slate-600">{bank.volunteersOnline} volunteer{bank.volunteersOnline === 1 ? "" : "s"} calling</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
