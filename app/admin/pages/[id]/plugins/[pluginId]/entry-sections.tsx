"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import { useSavedVersion } from "@/components/form/use-saved-version";
import type { ActionState } from "@/lib/auth/action";
import { connectDialInAction, importPostcodesAction } from "./actions";

/** "Connect this number": points the saved dial-in number's calls at this app. */
export function ConnectDialInForm({ pluginId, children }: { pluginId: string; children?: React.ReactNode }) {
  const [state, action] = useActionState(connectDialInAction, {} as ActionState);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="pluginId" value={pluginId} />
      {children}
      <SubmitButton variant="secondary" pendingLabel="Asking Twilio…">
        Connect this number
      </SubmitButton>
      <FormMessage error={state.formError} message={state.message} />
    </form>
  );
}

type ImportProps = { pluginId: string; version: number; country: string; rows: number; onSaved: (version: number) => void };

/** The postcode table from a CSV, replacing the one before; nothing is kept while any row is wrong. */
export function PostcodeImportForm({ pluginId, version, country, rows, onSaved }: ImportProps) {
  const [state, action] = useActionState(importPostcodesAction, {} as ActionState);
  useSavedVersion(state, onSaved);
  const count = state.ok && typeof state.data === "number" ? state.data : rows;
  return (
    <form action={action} className="space-y-3" aria-label="Import postcodes">
      <input type="hidden" name="pluginId" value={pluginId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm" data-testid="postcode-count">
        {count ? `${count} postcode${count === 1 ? "" : "s"} in the table${country ? ` (${country})` : ""}.` : "No postcode table yet."}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          Country of the postcodes
          <input name="country" defaultValue={state.values?.country ?? (country || "GB")} maxLength={2} className="ml-2 w-16 rounded-md border border-slate-300 px-2 py-1 text-sm uppercase" />
        </label>
        <label className="text-sm">
          Postcode file (CSV)
          <input type="file" name="file" accept=".csv,text/csv" className="ml-2 text-sm" />
        </label>
        <SubmitButton variant="secondary" pendingLabel="Importing…">
          Import postcodes
        </SubmitButton>
      </div>
      <FormMessage error={state.formError ?? state.fieldErrors?.country} message={state.message} />
      {state.fieldErrors?.file && (
        <ul role="alert" className="space-y-1 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {state.fieldErrors.file.split("\n").map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
