import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Timeline } from "@/components/calllog/timeline";
import { TimeZoneCookie } from "@/components/calllog/time-zone-cookie";
import { PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { loadCallDetail } from "@/lib/calllog/detail";
import { dateTime, zoneLabel } from "@/lib/calllog/format";
import { campaignerTimeZone } from "@/lib/calllog/time-zone";
import { MEMBER_LEG_WORDS, outcomeWords, TARGET_LEG_WORDS, talkTime } from "@/lib/calllog/words";
import { callOutcome, latestDial, memberLegStatus, targetLegStatus } from "@/lib/calltool/call-state";
import { ATTEMPT_OUTCOME_WORDS, attemptOutcome } from "@/lib/calltool/recall";
import { db } from "@/lib/db/client";
import { maskPhoneNumber } from "@/lib/log";

export const metadata: Metadata = { title: "Call" };
export const dynamic = "force-dynamic";
const box = "rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200 sm:p-6";

/** One call: how it went, then what happened, in sentences, with the technical ids behind "details". */
export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole(STAFF_ROLES);
  const found = await loadCallDetail(db(), (await params).id);
  if (!found) notFound();
  const { call, facts, attempts, timeline } = found;
  const timeZone = await campaignerTimeZone();
  const outcome = callOutcome(facts);
  const member = memberLegStatus(facts.attempt);
  const target = targetLegStatus(latestDial(facts.dials));
  const { target: who } = call.script;
  const rows: [string, string][] = [
    ["Outcome", outcomeWords(outcome)],
    ["Talk time", outcome.code === "connected" ? talkTime(outcome.seconds ?? 0) : "–"],
    ["Member's phone", MEMBER_LEG_WORDS[member] ?? member],
    ["Target's phone", TARGET_LEG_WORDS[target] ?? target],
    ["Target", `${who.name} (${who.phone}${who.extension ? ` ext. ${who.extension}` : ""})`],
    ["Member", maskPhoneNumber(call.memberPhone)],
    ["Attempts", String(attempts.length)],
    ["Direction", call.direction === "inbound" ? "inbound: the member dialled in" : "outbound: the app rang the member"],
  ];
  if (call.recallsStoppedAt) rows.push(["Call backs", `stopped by the member on ${dateTime(timeZone).format(call.recallsStoppedAt)}`]);
  return (
    <>
      <TimeZoneCookie current={timeZone} />
      <p className="mb-2 text-sm">
        <Link href="/admin/calls" className="text-brand-700 hover:underline">
          ← Calls
        </Link>
      </p>
      <PageHeader title={`Call to ${who.name}`} description={`${dateTime(timeZone).format(call.createdAt)} (${zoneLabel(timeZone)})`} />
      <dl className={`grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr] ${box}`}>
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-600">{term}</dt>
            <dd data-testid={`call-${term.toLowerCase().replace(/[^a-z]+/g, "-")}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-3 mt-8 font-semibold">What happened (times in {zoneLabel(timeZone)})</h2>
      <Timeline entries={timeline} timeZone={timeZone} showAttempts={attempts.length > 1} />
      <details className={`mt-8 ${box}`}>
        <summary className="cursor-pointer font-medium">Technical details</summary>
        <dl className="mt-3 grid gap-x-6 gap-y-1 font-mono text-xs sm:grid-cols-[14rem_1fr]">
          <dt>Call id</dt>
          <dd>{call.id}</dd>
          <dt>Our call status</dt>
          <dd>{call.status}</dd>
          {attempts.map((attempt) => (
            <div key={attempt.id} className="contents" data-testid={`attempt-${attempt.attempt}`}>
              <dt>
                {attempt.attempt > 1 ? "Recall" : "Attempt"} {attempt.attempt}
              </dt>
              <dd>
                {attempt.placement}, {attempt.status ?? "no status yet"}
                {attempt.endedAt && attempt.placement !== "canceled" ? ` (${ATTEMPT_OUTCOME_WORDS[attemptOutcome(attempt)]})` : ""}, CallSid {attempt.callSid ?? "none yet"}
              </dd>
            </div>
          ))}
          {(call.failureCode || call.failureMessage) && (
            <>
              <dt>Failure</dt>
              <dd>
                {call.failureCode ?? ""} {call.failureMessage ?? ""}
              </dd>
            </>
          )}
        </dl>
      </details>
    </>
  );
}
