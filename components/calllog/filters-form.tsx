import Link from "next/link";
import type { CallLogFilters } from "@/lib/calllog/filters";
import { MEMBER_LEG_FILTERS, OUTCOME_FILTERS, TARGET_LEG_FILTERS } from "@/lib/calllog/filters";
import { MEMBER_LEG_WORDS, storedOutcomeWords, TARGET_LEG_WORDS } from "@/lib/calllog/words";

type Options = { pages: { id: string; title: string }[]; tools: { id: string; label: string }[]; targets: { id: string; name: string }[] };

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const outcomeLabel = (code: string) => (code === "live" ? "still in progress" : code === "connected" ? "connected" : storedOutcomeWords({ outcome: code, talkSeconds: 0, failureCode: null, failureMessage: null }));

function Choice({ name, label, value, options }: { name: string; label: string; value: string | undefined; options: [string, string][] }) {
  return (
    <label className="block text-sm font-medium text-slate-700">
      {label}
      <select name={name} defaultValue={value ?? ""} className={field}>
        <option value="">Any</option>
        {options.map(([id, text]) => (
          <option key={id} value={id}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The call log's filters: a plain GET form, so every filtered view is a link (and works without JavaScript). */
export function CallFilters({ filters, options, timeZoneLabel }: { filters: CallLogFilters; options: Options; timeZoneLabel: string }) {
  return (
    <form method="get" action="/admin/calls" role="search" aria-label="Filter calls" className="mb-6 grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4">
      <Choice name="page" label="Page" value={filters.page} options={options.pages.map((page) => [page.id, page.title])} />
      <Choice name="tool" label="Call tool" value={filters.tool} options={options.tools.map((tool) => [tool.id, tool.label])} />
      <Choice name="target" label="Target" value={filters.target} options={options.targets.map((target) => [target.id, target.name])} />
      <Choice name="outcome" label="Outcome" value={filters.outcome} options={OUTCOME_FILTERS.map((code) => [code, outcomeLabel(code)])} />
      <Choice name="member_leg" label="Member's phone" value={filters.member_leg} options={MEMBER_LEG_FILTERS.map((code) => [code, MEMBER_LEG_WORDS[code]!])} />
      <Choice name="target_leg" label="Target's phone" value={filters.target_leg} options={TARGET_LEG_FILTERS.map((code) => [code, TARGET_LEG_WORDS[code]!])} />
      <label className="block text-sm font-medium text-slate-700">
        From (day, {timeZoneLabel})
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={field} />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        To (day, {timeZoneLabel})
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={field} />
      </label>
      <label className="block text-sm font-medium text-slate-700">
        Member&apos;s number ends in
        <input type="search" name="phone" inputMode="numeric" autoComplete="off" placeholder="e.g. 0901" defaultValue={filters.phone ?? ""} className={field} />
      </label>
      <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-3">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700">
          Show calls
        </button>
        <Link href="/admin/calls" className="py-2 text-sm text-brand-700 hover:underline">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
