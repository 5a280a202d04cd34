import type { CallStats } from "@/lib/stats/shape";

/** Requested → … → talked over 30 s: each step's calls, its share of the requests, and a bar drawn from the same figure. */
export function Funnel({ steps }: { steps: CallStats["funnel"] }) {
  const first = steps[0]?.count ?? 0;
  return (
    <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-left text-sm" data-testid="funnel">
        <caption className="mb-2 text-left font-semibold">From request to conversation</caption>
        <tbody>
          {steps.map((step) => {
            const share = first ? Math.round((step.count / first) * 100) : 0;
            return (
              <tr key={step.key}>
                <th scope="row" className="w-44 py-1.5 pr-3 font-normal">
                  {step.label}
                </th>
                <td className="w-20 py-1.5 text-right tabular-nums">{step.count.toLocaleString("en-GB")}</td>
                <td className="w-14 py-1.5 text-right text-slate-500 tabular-nums">{first ? `${share}%` : ""}</td>
                <td className="py-1.5 pl-3" aria-hidden="true">
                  <div className="h-3 rounded bg-brand-600" style={{ width: `${share}%` }} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
