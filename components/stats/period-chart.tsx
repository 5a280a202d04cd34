"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PeriodRow } from "@/lib/stats/shape";

/**
 * Calls and calls that reached the target, per day or week. The chart is for
 * the eye; the table beside it (visually hidden, read by screen readers)
 * holds the same figures.
 */
type Props = { id: string; title: string; rows: PeriodRow[]; periodLabel: string; series?: { calls: string; reached: string } };

export function PeriodChart({ id, title, rows, periodLabel, series = { calls: "Calls", reached: "Reached the target" } }: Props) {
  // Short ticks: "11-29" for a day or week, "14h" for an hour.
  const data = rows.map((row) => ({ ...row, label: row.period.length > 10 ? `${row.period.slice(11)}h` : row.period.slice(5) }));
  return (
    <figure aria-labelledby={`${id}-title`} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid={id}>
      <figcaption id={`${id}-title`} className="mb-3 font-semibold">
        {title}
      </figcaption>
      <div className="h-64 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Legend />
            <Bar dataKey="calls" name={series.calls} fill="#94a3b8" isAnimationActive={false} />
            <Bar dataKey="reached" name={series.reached} fill="#1d5fd6" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{periodLabel}</th>
            <th scope="col">{series.calls}</th>
            <th scope="col">{series.reached}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period}>
              <th scope="row">{row.period}</th>
              <td>{row.calls}</td>
              <td>{row.reached}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
