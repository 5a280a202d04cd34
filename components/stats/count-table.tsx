/** One breakdown of the calls (by outcome, by a leg's status) as a small table with shares. */
export function CountTable({ title, rows, total, label, testId }: { title: string; rows: { value: string; count: number }[]; total: number; label: (value: string) => string; testId: string }) {
  return (
    <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="mb-2 text-left font-semibold">{title}</caption>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.value}>
              <th scope="row" className="py-1.5 pr-3 font-normal">
                {label(row.value)}
              </th>
              <td className="py-1.5 text-right tabular-nums">{row.count.toLocaleString("en-GB")}</td>
              <td className="w-16 py-1.5 text-right text-slate-500 tabular-nums">{total ? `${Math.round((row.count / total) * 100)}%` : ""}</td>
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td className="py-1.5 text-slate-500">No calls yet.</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
