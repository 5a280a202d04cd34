"use client";
import { useActionState, useState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import type { LeadImport } from "@/lib/phonebank/leads";
import { importLeadsAction, previewLeadsAction } from "../actions";

type Preview = { summary: LeadImport; csv: string; fileName: string };

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

/** Leads from a spreadsheet in two steps: see what would change, then import. Nothing is saved while any row is in error. */
export function LeadsImport({ id }: { id: string }) {
  const [previewState, preview] = useActionState(previewLeadsAction, {} as ActionState);
  const [importState, apply] = useActionState(importLeadsAction, {} as ActionState);
  const [applied, setApplied] = useState<ActionState | null>(null);
  const pending = previewState.ok ? (previewState.data as Preview) : null;
  // When an import succeeds, the preview it came from is done with; a later preview shows again.
  const [seenImport, setSeenImport] = useState(importState);
  if (importState !== seenImport) {
    setSeenImport(importState);
    if (importState.ok) setApplied(previewState);
  }
  return (
    <div className="space-y-3">
      <form action={preview} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={id} />
        <label className="text-sm">
          Leads file (CSV)
          <input type="file" name="file" accept=".csv,text/csv" className="ml-2 text-sm" />
        </label>
        <SubmitButton variant="secondary" pendingLabel="Reading…">
          Preview import
        </SubmitButton>
      </form>
      <p className="text-xs text-slate-500">
        Columns: <code>name</code>, <code>phone</code> (international form, or add a <code>country</code> column), optionally <code>do_not_call</code>; any
        other column is shown to volunteers. The same number twice is one lead.
      </p>
      <FormMessage error={previewState.formError} />
      <Problems text={previewState.fieldErrors?.file} />
      {pending && applied !== previewState && (
        <div className="rounded-lg bg-slate-50 p-4 text-sm" data-testid="leads-preview">
          <p className="font-medium">
            {pending.fileName}: {pending.summary.added} new, {pending.summary.updated} already on the list
            {pending.summary.merged ? `, ${pending.summary.merged} duplicate row${pending.summary.merged === 1 ? "" : "s"} merged` : ""}
            {pending.summary.doNotCall ? `, ${pending.summary.doNotCall} marked do not call` : ""}.
          </p>
          <form action={apply} className="mt-3">
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="csv" value={pending.csv} />
            <SubmitButton pendingLabel="Importing…">Import leads</SubmitButton>
          </form>
        </div>
      )}
      <FormMessage error={importState.formError} message={importState.ok ? importState.message : undefined} />
      <Problems text={importState.fieldErrors?.file} />
    </div>
  );
}
