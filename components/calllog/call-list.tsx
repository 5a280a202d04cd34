import Link from "next/link";
import { dateTime, zoneLabel } from "@/lib/calllog/format";
import type { ShownRow } from "@/lib/calllog/live";
import { talkTime } from "@/lib/calllog/words";
import { maskPhoneNumber } from "@/lib/log";

const heading = "px-4 py-3 font-medium";

/**
 * Calls as a table on wide screens and as a list of cards at phone width,
 * where a table would scroll sideways and hide the outcome.
 */
export function CallList({ rows, timeZone }: { rows: ShownRow[]; timeZone: string }) {
  const time = dateTime(timeZone);
  const talk = (row: ShownRow) => (row.talkSeconds ? talkTime(row.talkSeconds) : "–");
  return (
    <>
      <div className="hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200 md:block">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className={heading}>
                Time ({zoneLabel(timeZone)})
              </th>
              {["Page", "Target", "Member", "Outcome", "Talk time", "Attempts"].map((name) => (
                <th key={name} scope="col" className={heading}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} data-testid="call-row">
                <td className="px-4 py-3 whitespace-nowrap">
                  <Link href={`/admin/calls/${row.id}`} className="text-brand-700 hover:underline">
                    {time.format(row.createdAt)}
                  </Link>
                </td>
                <td className="px-4 py-3">{row.pageTitle ?? "(deleted page)"}</td>
                <td className="px-4 py-3">{row.targetName}</td>
                <td className="px-4 py-3 font-mono whitespace-nowrap">{maskPhoneNumber(row.memberPhone)}</td>
                <td className="px-4 py-3" data-testid="call-outcome">
                  {row.outcomeWords}
                </td>
                <td className="px-4 py-3 whitespace-nowrap">{talk(row)}</td>
                <td className="px-4 py-3">{row.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-3 md:hidden" aria-label="Calls">
        {rows.map((row) => (
          <li key={row.id} data-testid="call-card" className="rounded-xl bg-white p-4 text-sm shadow-sm ring-1 ring-slate-200">
            <Link href={`/admin/calls/${row.id}`} className="font-medium text-brand-700 hover:underline">
              {row.targetName}: {row.outcomeWords}
            </Link>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-700">
              <dt className="text-slate-500">Time</dt>
              <dd>
                {time.format(row.createdAt)} ({zoneLabel(timeZone)})
              </dd>
              <dt className="text-slate-500">Page</dt>
              <dd className="break-words">{row.pageTitle ?? "(deleted page)"}</dd>
              <dt className="text-slate-500">Member</dt>
              <dd className="font-mono">{maskPhoneNumber(row.memberPhone)}</dd>
              <dt className="text-slate-500">Talk time</dt>
              <dd>{talk(row)}</dd>
              <dt className="text-slate-500">Attempts</dt>
              <dd>{row.attempts}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
