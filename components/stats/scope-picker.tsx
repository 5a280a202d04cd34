import type { StatsScope } from "@/lib/stats/call-stats";
import type { ScopeChoice } from "@/lib/stats/scopes";

/** Narrows the statistics to a page or one of its call tools: a plain GET form, so the address says what is shown. */
export function ScopePicker({ choices, scope }: { choices: ScopeChoice[]; scope: StatsScope }) {
  const current = scope.pluginId ? `tool:${scope.pluginId}` : scope.pageId ? `page:${scope.pageId}` : "";
  return (
    <form action="/admin/stats" method="get" className="flex items-end gap-2">
      <label className="text-sm font-medium">
        Show
        <select name="scope" defaultValue={current} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm">
          <option value="">All pages</option>
          {choices.map((choice) => [
            <option key={choice.pageId} value={`page:${choice.pageId}`}>
              {choice.pageTitle}
            </option>,
            ...(choice.tools.length > 1
              ? choice.tools.map((tool) => (
                  <option key={tool.pluginId} value={`tool:${tool.pluginId}`}>
                    {`${choice.pageTitle} › ${tool.title}`}
                  </option>
                ))
              : []),
          ])}
        </select>
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white">
        Show
      </button>
    </form>
  );
}
