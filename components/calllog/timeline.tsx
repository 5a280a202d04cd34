import { clock } from "@/lib/calllog/format";
import type { TimelineEntry } from "@/lib/calllog/timeline";
import { maskPhoneNumber } from "@/lib/log";

/** Raw payloads name the member's number (From, To, Called…): masked like everywhere else in the admin. */
const masked = (payload: Record<string, unknown>) => JSON.stringify(payload, (_key, value: unknown) => (typeof value === "string" && /^\+\d{6,}$/.test(value) ? maskPhoneNumber(value) : value), 2);

const tones = { neutral: "bg-slate-400", good: "bg-emerald-500", bad: "bg-amber-500" };

/** A call's timeline as an ordered list of sentences; each entry's ids and raw payload behind its own "details". */
export function Timeline({ entries, timeZone, showAttempts }: { entries: TimelineEntry[]; timeZone: string; showAttempts: boolean }) {
  const time = clock(timeZone);
  if (entries.length === 0) return <p className="rounded-xl bg-white p-4 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">Nothing has happened on this call yet.</p>;
  return (
    <ol className="space-y-2 rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200 sm:p-6" aria-label="Timeline">
      {entries.map((entry, index) => (
        <li key={index} data-testid="timeline-entry" className="flex gap-3">
          <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${tones[entry.tone]}`} />
          <div className="min-w-0 flex-1">
            <p>
              <time dateTime={entry.at.toISOString()} className="mr-2 font-mono text-slate-500 tabular-nums">
                {time.format(entry.at)}
              </time>{" "}
              <span data-testid="timeline-text">{entry.text}</span>
              {showAttempts && <span className="ml-2 text-xs text-slate-500">(attempt {entry.attempt})</span>}
            </p>
            {(entry.details || entry.payload) && (
              <details className="mt-1 text-xs text-slate-600">
                <summary className="cursor-pointer select-none">details</summary>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 font-mono break-all">
                  {Object.entries(entry.details ?? {}).map(([name, value]) => (
                    <div key={name} className="contents">
                      <dt>{name}</dt>
                      <dd>{value}</dd>
                    </div>
                  ))}
                </dl>
                {entry.payload && <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono whitespace-pre-wrap break-all">{masked(entry.payload)}</pre>}
              </details>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
