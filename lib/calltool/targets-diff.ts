import type { Target } from "./targets";

/**
 * What an import would do to a target list, for the preview shown before it
 * is applied ("3 added, 1 changed (phone), 2 removed"). Targets are matched by
 * id, so run assignIds on the imported drafts first.
 */

export type TargetChange = {
  before: Target;
  after: Target;
  /** "name", "phone", "callerId"…, and "attributes.state" for an attribute; fields first, then attributes by name. */
  fields: string[];
};

export type TargetDiff = {
  /** In their order in the new list. */
  added: Target[];
  /** In their order in the old list. */
  removed: Target[];
  /** In their order in the new list. */
  changed: TargetChange[];
  /** Targets kept with every value the same, wherever they moved to. */
  unchanged: number;
  /**
   * Whether the targets in both lists come in a different order. Members are
   * offered targets in list order, so a re-sorted file is a change even when
   * no value is.
   */
  reordered: boolean;
};

const FIELDS = ["name", "title", "phone", "extension", "country", "callerId", "pinned"] as const;

export function changedFields(before: Target, after: Target): string[] {
  const fields: string[] = FIELDS.filter((field) => before[field] !== after[field]);
  const keys = [...new Set([...Object.keys(before.attributes), ...Object.keys(after.attributes)])].sort();
  // An attribute that is absent and one that is empty are the same: empty values are dropped.
  for (const key of keys) {
    if ((before.attributes[key] ?? "") !== (after.attributes[key] ?? "")) fields.push(`attributes.${key}`);
  }
  return fields;
}

export function diffTargets(before: Target[], after: Target[]): TargetDiff {
  const old = new Map(before.map((target) => [target.id, target]));
  const kept = new Set(after.map((target) => target.id).filter((id) => old.has(id)));
  const diff: TargetDiff = {
    added: [],
    removed: before.filter((target) => !kept.has(target.id)),
    changed: [],
    unchanged: 0,
    reordered: false,
  };
  for (const target of after) {
    const previous = old.get(target.id);
    if (!previous) {
      diff.added.push(target);
      continue;
    }
    const fields = changedFields(previous, target);
    if (fields.length) diff.changed.push({ before: previous, after: target, fields });
    else diff.unchanged += 1;
  }
  const oldOrder = before.filter((target) => kept.has(target.id)).map((target) => target.id);
  const newOrder = after.filter((target) => kept.has(target.id)).map((target) => target.id);
  diff.reordered = oldOrder.some((id, index) => newOrder[index] !== id);
  return diff;
}
