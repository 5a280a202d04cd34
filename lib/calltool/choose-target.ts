import type { SelectionMode } from "./config";

export type TargetChoice = { id: string; name: string; title: string; country: string; attributes: Record<string, string> };

export type DrillDownLevel = { attribute: string; options: string[]; selected: string | null };

/**
 * Drill-down: each attribute in order narrows the targets; a level offers the
 * values present among the targets left by the levels above. Filters come
 * from the URL (?filter_state=CA), so it works without JavaScript.
 */
export function drillDown(targets: TargetChoice[], attributes: string[], filters: Record<string, string>): { levels: DrillDownLevel[]; matching: TargetChoice[] } {
  let remaining = targets;
  const levels: DrillDownLevel[] = [];
  for (const attribute of attributes) {
    const options = [...new Set(remaining.map((target) => target.attributes[attribute]).filter((value): value is string => !!value))].sort((a, b) => a.localeCompare(b));
    const wanted = filters[attribute];
    const selected = wanted && options.includes(wanted) ? wanted : null;
    levels.push({ attribute, options, selected });
    if (!selected) return { levels, matching: [] };
    remaining = remaining.filter((target) => target.attributes[attribute] === selected);
  }
  return { levels, matching: remaining };
}

/** The targets a member may call, given the mode: one at random, all to pick from, or those the drill-down leaves. */
export function offeredTargets(mode: SelectionMode, targets: TargetChoice[], attributes: string[], filters: Record<string, string>, random = Math.random): TargetChoice[] {
  if (mode === "random") return targets.length ? [targets[Math.floor(random() * targets.length)]!] : [];
  if (mode === "drilldown") return drillDown(targets, attributes, filters).matching;
  return targets;
}

export function filtersFrom(searchParams: Record<string, string | string[] | undefined>): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(searchParams)) {
    if (key.startsWith("filter_") && typeof value === "string") filters[key.slice(7)] = value;
  }
  return filters;
}
