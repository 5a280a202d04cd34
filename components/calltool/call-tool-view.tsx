import { Markdown } from "@/components/markdown";
import { drillDown, offeredTargets, type TargetChoice } from "@/lib/calltool/choose-target";
import { memberStrings } from "@/lib/calltool/member-strings";
import type { MemberCallTool } from "@/lib/pages/public";
import { postcodeChoice } from "@/lib/calltool/postcode-service";
import { db } from "@/lib/db/client";
import { CallForm } from "./call-form";
import { PostcodeForm } from "./postcode-form";
import { DrillDownForm } from "./drill-down-form";

type Props = {
  tool: MemberCallTool;
  language: string;
  returnTo: string;
  filters: Record<string, string>;
  initial: { error?: string; field?: string; phone?: string; targetId?: string; postcode?: string };
};

/**
 * The call tool as members see it: talking points, who to call, and the call
 * form. Server-rendered; the form is the only client part. In postcode mode a
 * visit with ?postcode= (never the cached page) looks it up: one query.
 */
export async function CallToolView({ tool, language, returnTo, filters, initial }: Props) {
  const { config } = tool;
  const strings = memberStrings(language);
  const choices: TargetChoice[] = tool.targets.map((target) => ({ id: target.id, name: target.name, title: target.title, country: target.country, attributes: target.attributes }));
  const byPostcode = config.selectionMode === "postcode";
  const postcode = byPostcode ? initial.postcode?.trim() || null : null;
  const lookup = postcode ? await postcodeChoice(db(), { id: tool.id, config, targets: choices }, postcode) : null;
  const offered = byPostcode ? (lookup?.targets ?? []) : offeredTargets(config.selectionMode, choices, config.targetByAttributes, filters);
  const levels = config.selectionMode === "drilldown" ? drillDown(choices, config.targetByAttributes, filters).levels : [];
  const targetCountries = [...new Set(choices.map((target) => target.country))];
  const allowed = config.allowedCountries.length ? config.allowedCountries : targetCountries;
  const likely = offered[0]?.country;
  const countries = likely && allowed.includes(likely) ? [likely, ...allowed.filter((code) => code !== likely)] : allowed;

  return (
    <section aria-labelledby={`call-tool-${tool.id}`} className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id={`call-tool-${tool.id}`} className="text-xl font-bold">
        {config.title}
      </h2>
      {config.description && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{strings.talkingPoints}</h3>
          <Markdown className="mt-2 text-slate-800">{config.description}</Markdown>
        </div>
      )}
      <div className="mt-6 space-y-5">
        {levels.length > 0 && <DrillDownForm levels={levels} language={language} />}
        {byPostcode && <PostcodeForm language={language} zip={config.postcodeCountry === "US"} postcode={postcode} outcome={lookup} />}
        {offered.length === 1 && (
          <p className="text-lg" data-testid="chosen-target">
            <span className="font-semibold">{offered[0]!.name}</span>
            {offered[0]!.title && <span className="text-slate-600">, {offered[0]!.title}</span>}
          </p>
        )}
        {config.selectionMode === "drilldown" && offered.length === 0 && levels.every((level) => level.selected) && <p className="text-sm">{strings.noTargetMatches}</p>}
        {offered.length > 0 && <CallForm language={language} targets={offered} countries={countries} returnTo={returnTo} initial={initial} postcode={postcode ?? undefined} />}
      </div>
    </section>
  );
}
