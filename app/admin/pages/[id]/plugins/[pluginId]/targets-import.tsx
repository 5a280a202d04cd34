"use client";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import type { TargetDiff } from "@/lib/calltool/targets-diff";
import type { Target } from "@/lib/calltool/targets";
import { applyImportAction, previewImportAction } from "./actions";
import { useSavedVersion } from "@/components/form/use-saved-version";

type Preview = { diff: TargetDiff; csv: string; fileName: string };
type Props = { pluginId: string; version: number; onImported: (version: number, targets: Target[]) => void };

function Problems({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <ul role="alert" className="space-y-1 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
      {text.split("\n").map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** CSV import in two steps: see what would change, then apply it. Nothing is saved while any row is in error. */
export function TargetsImport({ pluginId, version, onImported }: Props) {
  const [previewState, preview] = useActionState(previewImportAction, {} as ActionState);
  const [applyState, apply] = useActionState(applyImportAction, {} as ActionState);
  // Which preview was applied, so a later preview shows again.
  const [appliedPreview, setAppliedPreview] = useState<ActionState | null>(null);
  useSavedVersion(applyState, (saved) => {
    setAppliedPreview(previewState);
    onImported(saved, applyState.data as Target[]);
  });
  const pending = previewState.ok ? (previewState.data as Preview) : null;
  const applied = appliedPreview === previewState;
  return (
    <div className="space-y-3">
      <form action={preview} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="pluginId" value={pluginId} />
        <label className="text-sm">
          Targets file (CSV)
          <input type="file" name="file" accept=".csv,text/csv" className="ml-2 text-sm" />
        </label>
        <SubmitButton variant="secondary" pendingLabel="Reading…">Preview import</SubmitButton>
      </form>
      <FormMessage error={previewState.formError} />
      <Problems text={previewState.fieldErrors?.file} />
      {pending && !applied && (
        <div className="rounded-lg bg-slate-50 p-4 text-sm" data-testid="import-preview">
          <p className="font-medium">
            {pending.fileName}: {pending.diff.added.length} added, {pending.diff.changed.length} changed, {pending.diff.removed.length} removed, {pending.diff.unchanged} unchanged
            {pending.diff.reordered ? ", order changed" : ""}.
          </p>
          <ul className="mt-2 space-y-0.5">
            {pending.diff.added.map((target) => (
              <li key={target.id}>+ {target.name}</li>
            ))}
            {pending.diff.changed.map((change) => (
              <li key={change.after.id}>
                ~ {change.after.name} ({change.fields.join(", ")})
              </li>
            ))}
            {pending.diff.removed.map((target) => (
              <li key={target.id}>− {target.name}</li>
            ))}
          </ul>
          <form action={apply} className="mt-3">
            <input type="hidden" name="pluginId" value={pluginId} />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="csv" value={pending.csv} />
            <SubmitButton pendingLabel="Importing…">Apply import</SubmitButton>
          </form>
        </div>
      )}
      <FormMessage error={applyState.formError} message={applied ? applyState.message : undefined} />
      <Problems text={applyState.fieldErrors?.file} />
    </div>
  );
}
