import type { ScriptTarget } from "./call-schema";
import type { SelectionMode } from "./config";
import type { Pinned } from "./targets";

/**
 * The targets one call dials, in turn: those pinned "call first" (in list
 * order), then the member's own selection, then those pinned "call last".
 * The member's selection is the target they chose, followed, when the call
 * tool connects to several (`perCall` > 1), by the targets offered alongside
 * it: the others the same drill-down leaves (both senators of a state), or
 * others at random in random mode. In pick mode the member chose exactly one.
 * Each target appears once: a pinned target the member also chose is dialled
 * at its pinned place only.
 */

export type SequenceCandidate = ScriptTarget & { pinned: Pinned; attributes: Record<string, string> };

export type SequenceRules = { mode: SelectionMode; perCall: number; drillDownBy: string[] };

export function buildSequence(chosen: SequenceCandidate, others: SequenceCandidate[], rules: SequenceRules, random = Math.random): ScriptTarget[] {
  const all = [chosen, ...others.filter((target) => target.id !== chosen.id)];
  // Pinned ones keep the list's order, wherever the chosen one came from.
  const order = new Map(others.map((target, index) => [target.id, index]));
  const pinned = (where: Pinned) => all.filter((target) => target.pinned === where).sort((a, b) => (order.get(a.id) ?? -1) - (order.get(b.id) ?? -1));
  const first = pinned("first");
  const last = pinned("last");
  const isPinned = (target: SequenceCandidate) => target.pinned === "first" || target.pinned === "last";

  const own: SequenceCandidate[] = isPinned(chosen) ? [] : [chosen];
  const peers = all.filter((target) => !isPinned(target) && target.id !== chosen.id);
  const alongside =
    rules.mode === "drilldown"
      ? peers.filter((target) => rules.drillDownBy.every((attribute) => target.attributes[attribute] === chosen.attributes[attribute]))
      : rules.mode === "random"
        ? shuffled(peers, random)
        : [];
  for (const target of alongside) {
    if (own.length >= rules.perCall) break;
    own.push(target);
  }
  const seen = new Set<string>();
  return [...first, ...own, ...last].filter((target) => !seen.has(target.id) && seen.add(target.id)).map(toScriptTarget);
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const toScriptTarget = ({ id, name, phone, extension, callerId }: SequenceCandidate): ScriptTarget => ({ id, name, phone, extension, ...(callerId ? { callerId } : {}) });

/** Which try at its target a dial was, for the call log: "", "busy redial 2", "the member's retry". */
export function dialTry(dial: { redial?: number; again?: number }): string {
  if (dial.again) return "the member's retry";
  return dial.redial ? `busy redial ${dial.redial}` : "";
}

/** The call's targets in order; a call made before sequences dials its one target. */
export const scriptTargets = <T>(script: { target: T; targets?: T[] }): T[] => (script.targets?.length ? script.targets : [script.target]);

/** The target at `position` (from 1), or the first when the position is out of range (a URL from an older call). */
export const targetAt = <T>(script: { target: T; targets?: T[] }, position: number): T => scriptTargets(script)[position - 1] ?? script.target;
