import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { routingOf, type NumberRouting } from "@/lib/phone-numbers/routing";
import { listPhoneNumbers } from "@/lib/phone-numbers/service";
import { telephonyConfig } from "@/lib/telephony/config";
import { TelephonyError } from "@/lib/telephony/errors";
import { AddPhoneNumberForm, ImportFromTwilioForm, RemovePhoneNumberForm } from "./forms";

export const metadata: Metadata = { title: "Phone numbers" };

export const dynamic = "force-dynamic";

/** Where calls to a number go, as Twilio says now; a change made in Twilio's console shows here. */
function Routing({ routing }: { routing: NumberRouting | undefined }) {
  if (!routing) return null;
  const [text, tone] =
    routing.kind === "route"
      ? [`Calls to it go to ${routing.label}`, "text-green-800"]
      : routing.kind === "elsewhere"
        ? [`Calls to it go elsewhere: ${routing.voiceUrl}`, "text-amber-800"]
        : routing.kind === "none"
          ? ["Calls to it go nowhere yet", "text-slate-500"]
          : ["Caller ID only: not a number of the Twilio account", "text-slate-500"];
  return (
    <span className={`block text-xs ${tone}`} data-testid="number-routing">
      {text}
    </span>
  );
}

export default async function PhoneNumbersPage() {
  await requireRole(STAFF_ROLES);
  const numbers = await listPhoneNumbers(db());
  let routing = new Map<string, NumberRouting>();
  let routingProblem = "";
  try {
    if (numbers.length) routing = await routingOf(numbers.map((entry) => entry.number));
  } catch (error) {
    if (!(error instanceof TelephonyError)) throw error;
    routingProblem = `Couldn't ask Twilio where these numbers point: ${error.message}`;
  }
  return (
    <>
      <PageHeader title="Phone numbers" description="The numbers your calls may show as caller ID. Each must be a number your Twilio account owns or has verified.">
        <ImportFromTwilioForm telephony={telephonyConfig().mode} />
      </PageHeader>
      <AddPhoneNumberForm />
      <section className="mt-8">
        {routingProblem && <p className="mb-3 text-sm text-amber-800">{routingProblem}</p>}
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
                  <Routing routing={routing.get(entry.number)} />
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
