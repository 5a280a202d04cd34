"use client";
import type { DrillDownLevel } from "@/lib/calltool/choose-target";
import { memberStrings } from "@/lib/calltool/member-strings";

const label = (attribute: string) => attribute.replace(/_/g, " ").replace(/^./, (first) => first.toUpperCase());

/** A GET form: it narrows the targets through the URL, so it works without JavaScript; with it, each choice applies at once. */
export function DrillDownForm({ levels, language }: { levels: DrillDownLevel[]; language: string }) {
  const strings = memberStrings(language);
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-3" aria-label={strings.findTarget}>
      {levels.map((level) => (
        <label key={level.attribute} className="block text-sm font-medium">
          {label(level.attribute)}
          <select
            name={`filter_${level.attribute}`}
            defaultValue={level.selected ?? ""}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2.5 text-base"
          >
            <option value="">—</option>
            {level.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
      ))}
      <noscript>
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-2 text-sm font-semibold text-white">
          {strings.findTarget}
        </button>
      </noscript>
    </form>
  );
}
