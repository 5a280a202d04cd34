import { Markdown } from "@/components/markdown";
import type { MemberCallTool } from "@/lib/pages/public";

/**
 * The call tool as members see it: the talking points and who they can
 * call. The call form itself comes with the member call flow.
 */
export function CallToolView({ tool }: { tool: MemberCallTool }) {
  const { config, targets } = tool;
  return (
    <section aria-labelledby={`call-tool-${tool.id}`} className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id={`call-tool-${tool.id}`} className="text-xl font-bold">
        {config.title}
      </h2>
      {config.description && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Talking points</h3>
          <Markdown className="mt-2 text-slate-800">{config.description}</Markdown>
        </div>
      )}
      {targets.length > 0 && (
        <div className="mt-6">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">
            {config.selectionMode === "random" ? "You'll be connected to one of" : "Who you can call"}
          </h3>
          <ul className="mt-2 divide-y divide-slate-100" aria-label="Targets">
            {targets.map((target) => (
              <li key={target.id} className="py-2">
                <span className="font-medium">{target.name}</span>
                {target.title && <span className="text-slate-600">, {target.title}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
