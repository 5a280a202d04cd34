import Link from "next/link";
import type { PhoneBankSummary } from "@/lib/stats/phone-banks";

/** Phone banks' dials and answer rate, each linking to its own statistics. */
export function PhoneBankSection({ banks, linked = true }: { banks: PhoneBankSummary[]; linked?: boolean }) {
  if (!banks.length) return null;
  return (
    <section aria-labelledby="banks-heading" className="space-y-3">
      <h2 id="banks-heading" className="text-lg font-semibold">
        Phone banks
      </h2>
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <table className="w-full text-left text-sm" data-testid="phone-bank-table">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              {["Phone bank", "Dials", "Answered", "Answer rate"].map((heading) => (
                <th key={heading} scope="col" className="px-3 py-2 font-medium">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {banks.map((bank) => (
              <tr key={bank.id}>
                <td className="px-3 py-2">
                  {linked ? (
                    <Link href={`/admin/stats?bank=${bank.id}`} className="text-brand-700 hover:underline">
                      {bank.name}
                    </Link>
                  ) : (
                    bank.name
                  )}
                </td>
                <td className="px-3 py-2 tabular-nums">{bank.dials}</td>
                <td className="px-3 py-2 tabular-nums">{bank.answered}</td>
                <td className="px-3 py-2 tabular-nums">{bank.answerRate === null ? "–" : `${Math.round(bank.answerRate * 100)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
