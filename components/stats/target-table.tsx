"use client";
import { useState } from "react";
import { FEEDBACK_ANSWERS, FEEDBACK_LABELS } from "@/lib/feedback/answers";
import { talkTime } from "@/lib/stats/labels";
import type { TargetRow } from "@/lib/stats/shape";

type Column = { key: string; label: string; value: (row: TargetRow) => number | string; show?: (row: TargetRow) => React.ReactNode };

const COLUMNS: Column[] = [
  { key: "name", label: "Target", value: (row) => row.targetName },
  { key: "calls", label: "Calls", value: (row) => row.calls },
  { key: "connected", label: "Connected", value: (row) => row.connected },
  { key: "busy", label: "Busy", value: (row) => row.busy },
  { key: "noAnswer", label: "No answer", value: (row) => row.noAnswer },
  { key: "failed", label: "Failed", value: (row) => row.failed },
  { key: "average", label: "Average talk", value: (row) => row.averageTalk ?? -1, show: (row) => talkTime(row.averageTalk) },
  { key: "median", label: "Median talk", value: (row) => row.medianTalk ?? -1, show: (row) => talkTime(row.medianTalk) },
  ...FEEDBACK_ANSWERS.map((answer) => ({ key: answer, label: `Members: ${FEEDBACK_LABELS[answer].toLowerCase()}`, value: (row: TargetRow) => row.feedback[answer] })),
];

/** The per-target table, sortable by any column; a target whose calls keep failing is flagged in words, not only in colour. */
export function TargetTable({ rows }: { rows: TargetRow[] }) {
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: "calls", descending: true });
  const column = COLUMNS.find((candidate) => candidate.key === sort.key) ?? COLUMNS[1]!;
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [column.value(a), column.value(b)];
    const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return sort.descending ? -order : order;
  });
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-left text-sm" data-testid="target-table">
        <caption className="sr-only">Calls per target, sorted by {column.label.toLowerCase()}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            {COLUMNS.map((candidate) => (
              <th key={candidate.key} scope="col" aria-sort={candidate.key === sort.key ? (sort.descending ? "descending" : "ascending") : undefined} className="px-3 py-2 font-medium">
                <button
                  type="button"
                  className="text-left hover:underline"
                  onClick={() => setSort((current) => ({ key: candidate.key, descending: current.key === candidate.key ? !current.descending : candidate.key !== "name" }))}
                >
                  {candidate.label}
                  {candidate.key === sort.key ? (sort.descending ? " ↓" : " ↑") : ""}
                </button>
              </th>
            ))}
            <th scope="col" className="px-3 py-2 font-medium">
              Notes from members
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sorted.map((row) => (
            <tr key={row.targetId} data-testid="target-row" className={row.flag ? "bg-red-50" : undefined}>
              {COLUMNS.map((candidate) => (
                <td key={candidate.key} className="px-3 py-2 align-top">
                  {candidate.show ? candidate.show(row) : candidate.value(row)}
                  {candidate.key === "name" && row.flag && (
                    <p className="mt-1 text-xs font-semibold text-red-800" data-testid="target-flag">
                      ⚠ {row.flag}
                    </p>
                  )}
                </td>
              ))}
              <td className="px-3 py-2 align-top text-slate-700">
                {row.feedback.notes.length ? (
                  <ul className="list-disc pl-4">
                    {row.feedback.notes.map((note, index) => (
                      <li key={index}>{note}</li>
                    ))}
                  </ul>
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
