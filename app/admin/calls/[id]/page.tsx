import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { callOutcome, describeOutcome, memberLegStatus, targetLegStatus } from "@/lib/calltool/call-state";
import { callWithEvents } from "@/lib/calltool/calls";
import { db } from "@/lib/db/client";
import { maskPhoneNumber } from "@/lib/log";

export const metadata: Metadata = { title: "Call" };
export const dynamic = "force-dynamic";
const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "short", timeStyle: "medium" });

/** One call's three machines and the member leg's timeline. */
export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(STAFF_ROLES);
  const found = await callWithEvents(db(), (await params).id);
  if (!found) notFound();
  const { call, events } = found;
  const member = memberLegStatus(events, call.createdAt);
  const info = call.targetCallInfo;
  const rows: [string, string][] = [
    ["Outcome", describeOutcome(callOutcome(call, member))],
    ["Call status", call.status],
    ["Member leg", member],
    ["Target leg (DialCallStatus)", targetLegStatus(info)],
    ["Target", `${call.script.target.name} (${call.script.target.phone}${call.script.target.extension ? ` ext. ${call.script.target.extension}` : ""})`],
    ["Member", maskPhoneNumber(call.memberPhone)],
    ["Twilio CallSid", call.twilioCallSid ?? "—"],
    ["Dial duration", info.DialCallDuration ? `${info.DialCallDuration} s` : "—"],
  ];
  if (call.failureCode) rows.push(["Twilio refusal", `${call.failureCode}: ${call.failureMessage}`]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/calls" className="text-brand-700 hover:underline">
          ← Calls
        </Link>
      </p>
      <PageHeader title={`Call to ${call.script.target.name}`} description={time.format(call.createdAt)} />
      <dl className="grid gap-x-6 gap-y-2 rounded-xl bg-white p-6 text-sm shadow-sm ring-1 ring-slate-200 sm:grid-cols-[14rem_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-600">{term}</dt>
            <dd data-testid={`call-${term.toLowerCase().replace(/[^a-z]+/g, "-")}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-3 mt-8 font-semibold">Member leg events</h2>
      <ol className="space-y-1 rounded-xl bg-white p-6 text-sm shadow-sm ring-1 ring-slate-200" aria-label="Member leg events">
        {events.map((event) => (
          <li key={event.id}>
            <span className="font-mono text-slate-500">#{event.sequenceNumber}</span> {event.callStatus}
            <span className="ml-2 text-slate-500">{time.format(event.receivedAt)}</span>
          </li>
        ))}
        {events.length === 0 && <li className="text-slate-600">No status callback yet.</li>}
      </ol>
    </>
  );
}
