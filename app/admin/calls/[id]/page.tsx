import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { dialTry, scriptTargets } from "@/lib/calltool/sequence";
import { callOutcome, describeOutcome, DIAL_ERRORS, latestDial, memberLegStatus, targetLegStatus } from "@/lib/calltool/call-state";
import { callEventsOf, loadCallFacts } from "@/lib/calltool/calls";
import { db } from "@/lib/db/client";
import { maskPhoneNumber } from "@/lib/log";

export const metadata: Metadata = { title: "Call" };
export const dynamic = "force-dynamic";
const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "short", timeStyle: "medium" });
const box = "rounded-xl bg-white p-6 text-sm shadow-sm ring-1 ring-slate-200";

/** One call's three machines: ours, the member leg's attempts and events, the target leg's dials. */
export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(STAFF_ROLES);
  const found = await loadCallFacts(db(), (await params).id);
  if (!found) notFound();
  const { call, facts, attempts, dials } = found;
  const total = scriptTargets(call.script).length;
  const events = await callEventsOf(db(), call.id);
  const rows: [string, string][] = [
    ["Outcome", describeOutcome(callOutcome(facts))],
    ["Call status", call.status],
    ["Member leg", memberLegStatus(facts.attempt)],
    ["Target leg", targetLegStatus(latestDial(facts.dials))],
    ["Target", `${call.script.target.name} (${call.script.target.phone}${call.script.target.extension ? ` ext. ${call.script.target.extension}` : ""})`],
    ["Member", maskPhoneNumber(call.memberPhone)],
  ];
  if (call.failureCode || call.failureMessage) rows.push(["Not placed", `${call.failureCode ?? ""} ${call.failureMessage ?? ""}`.trim()]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/calls" className="text-brand-700 hover:underline">
          ← Calls
        </Link>
      </p>
      <PageHeader title={`Call to ${call.script.target.name}`} description={time.format(call.createdAt)} />
      <dl className={`grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr] ${box}`}>
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-600">{term}</dt>
            <dd data-testid={`call-${term.toLowerCase().replace(/[^a-z]+/g, "-")}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-3 mt-8 font-semibold">Calls to the member</h2>
      <ol className={`space-y-1 ${box}`} aria-label="Calls to the member">
        {attempts.map((attempt) => (
          <li key={attempt.id}>
            Attempt {attempt.attempt}: {attempt.placement}
            {attempt.status ? `, ${attempt.status}` : ""}
            {attempt.answeredBy ? `, answered by ${attempt.answeredBy}` : ""}
            {attempt.duration !== null ? `, ${attempt.duration} s` : ""}
            {attempt.errorCode || attempt.errorMessage ? `, error ${attempt.errorCode ?? ""} ${attempt.errorMessage ?? ""}` : ""}
            <span className="ml-2 font-mono text-slate-500">{attempt.callSid ?? "no CallSid yet"}</span>
          </li>
        ))}
      </ol>
      <h2 className="mb-3 mt-8 font-semibold">Dials to the target</h2>
      <ol className={`space-y-1 ${box}`} aria-label="Dials to the target">
        {dials.map((dial) => (
          <li key={dial.id} data-testid={`dial-${dial.dial}`}>
            Dial {dial.dial} to {dial.targetName}
            {total > 1 ? ` (target ${dial.position} of ${total})` : ""}
            {dialTry(dial) ? `, ${dialTry(dial)}` : ""}: {dial.dialCallStatus ?? (dial.answeredAt ? "talking" : "ringing")}
            {dial.duration !== null ? `, ${dial.duration} s` : ""}
            {dial.errorCode ? `, error ${dial.errorCode}${DIAL_ERRORS[dial.errorCode] ? `: ${DIAL_ERRORS[dial.errorCode]}` : ""}` : ""}
          </li>
        ))}
        {dials.length === 0 && <li className="text-slate-600">The member was not put through.</li>}
      </ol>
      <h2 className="mb-3 mt-8 font-semibold">Member leg events</h2>
      <ol className={`space-y-1 ${box}`} aria-label="Member leg events">
        {events.map((event) => (
          <li key={event.id}>
            <span className="font-mono text-slate-500">
              {event.attempt}#{event.sequenceNumber}
            </span>{" "}
            {event.callStatus}
            <span className="ml-2 text-slate-500">{time.format(event.receivedAt)}</span>
          </li>
        ))}
        {events.length === 0 && <li className="text-slate-600">No status callback yet.</li>}
      </ol>
    </>
  );
}
