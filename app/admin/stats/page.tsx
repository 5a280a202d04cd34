import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CountTable } from "@/components/stats/count-table";
import { Funnel } from "@/components/stats/funnel";
import { PeriodChart } from "@/components/stats/period-chart";
import { PhoneBankSection } from "@/components/stats/phone-bank-section";
import { ScopePicker } from "@/components/stats/scope-picker";
import { TargetTable } from "@/components/stats/target-table";
import { PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { callStats } from "@/lib/stats/call-stats";
import { memberLegLabel, outcomeLabel, targetLegLabel } from "@/lib/stats/labels";
import { phoneBankStats, phoneBankSummaries } from "@/lib/stats/phone-banks";
import { resolveScope, scopeChoices } from "@/lib/stats/scopes";

export const metadata: Metadata = { title: "Statistics" };
export const dynamic = "force-dynamic";

type Query = Record<string, string | string[] | undefined>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** /admin/stats: every call, or one page (?page=) or call tool (?tool=); a phone bank with ?bank=. */
export default async function StatsPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requireRole(STAFF_ROLES);
  const query = await searchParams;
  if (typeof query.bank === "string") return <PhoneBankStatsPage id={query.bank} />;
  const choices = await scopeChoices(db());
  const resolved = resolveScope(query, choices);
  if (!resolved) notFound();
  const [stats, banks] = await Promise.all([callStats(db(), resolved.scope), resolved.scope.pageId || resolved.scope.pluginId ? null : phoneBankSummaries(db())]);
  return (
    <>
      <PageHeader title="Statistics" description={`${resolved.name}: ${stats.total.toLocaleString("en-GB")} calls requested. Days and weeks are in UTC.`}>
        <ScopePicker choices={choices} scope={resolved.scope} />
      </PageHeader>
      <div className="space-y-6">
        <div className="grid gap-6 lg:grid-cols-2">
          <Funnel steps={stats.funnel} />
          <CountTable title="Outcomes" rows={stats.outcomes} total={stats.total} label={outcomeLabel} testId="outcome-counts" />
          <CountTable title="The member's phone" rows={stats.memberStatuses} total={stats.total} label={memberLegLabel} testId="member-counts" />
          <CountTable title="The target's phone" rows={stats.targetStatuses} total={stats.total} label={targetLegLabel} testId="target-counts" />
        </div>
        <div className="grid gap-6 xl:grid-cols-2">
          <PeriodChart id="calls-per-day" title="Calls per day, last 30 days" rows={stats.perDay} periodLabel="Day" />
          <PeriodChart id="calls-per-week" title="Calls per week, last 12 weeks" rows={stats.perWeek} periodLabel="Week starting" />
        </div>
        <section aria-labelledby="targets-heading" className="space-y-3">
          <h2 id="targets-heading" className="text-lg font-semibold">
            Targets
          </h2>
          <p className="text-sm text-slate-600">
            Twilio&apos;s figures beside what members told us afterwards (&ldquo;How did it go?&rdquo;), which tells a conversation from a voicemail. Targets whose calls keep failing are flagged: check their number.
          </p>
          {stats.targets.length ? <TargetTable rows={stats.targets} /> : <p className="text-sm text-slate-600">No calls yet.</p>}
        </section>
        {banks && <PhoneBankSection banks={banks} />}
      </div>
    </>
  );
}

async function PhoneBankStatsPage({ id }: { id: string }) {
  const stats = UUID.test(id) ? await phoneBankStats(db(), id) : null;
  if (!stats) notFound();
  return (
    <>
      <PageHeader title={`Statistics: ${stats.name}`} description="Phone bank. Hours are in UTC.">
        <Link href="/admin/stats" className="text-sm font-semibold text-brand-700 hover:underline">
          All statistics
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <PhoneBankSection banks={[stats]} linked={false} />
        <div className="grid gap-6 xl:grid-cols-2">
          <PeriodChart id="dials-per-hour" title="Dials per hour, last 24 hours" rows={stats.perHour} periodLabel="Hour" series={{ calls: "Dials", reached: "Answered" }} />
          <CountTable title="Outcomes recorded by volunteers" rows={stats.dispositions} total={stats.dispositions.reduce((n, row) => n + row.count, 0)} label={(value) => value} testId="dispositions" />
        </div>
      </div>
    </>
  );
}
