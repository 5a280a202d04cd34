import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listPhoneNumbers } from "@/lib/phone-numbers/service";
import { telephonyConfig } from "@/lib/telephony/config";
import { AddPhoneNumberForm, ImportFromTwilioForm, RemovePhoneNumberForm } from "./forms";

export const metadata: Metadata = { title: "Phone numbers" };

export default async function PhoneNumbersPage() {
  await requireRole(STAFF_ROLES);
  const numbers = await listPhoneNumbers(db());
  return (
    <>
      <PageHeader title="Phone numbers" description="The numbers your calls may show as caller ID. Each must be a number your Twilio account owns or has verified.">
        <ImportFromTwilioForm telephony={telephonyConfig().mode} />
      </PageHeader>
      <AddPhoneNumberForm />
      <section className="mt-8">
        {numbers.length === 0 ? (
          <EmptyState title="No phone numbers yet">Add the numbers your organisation calls from, or import them from Twilio.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
            {numbers.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <span>
                  <span className="font-mono">{entry.number}</span>
                  {entry.label && <span className="ml-2 text-slate-600">{entry.label}</span>}
                  {entry.source === "twilio" && <span className="ml-2 text-xs text-slate-500">from Twilio</span>}
                </span>
                <RemovePhoneNumberForm id={entry.id} number={entry.number} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
