"use client";
import { useActionState } from "react";
import { Field } from "@/components/form/field";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { inviteAction } from "./actions";

export function InviteForm() {
  const [state, action] = useActionState(inviteAction, {} as ActionState);
  return (
    <form action={action} noValidate className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="font-semibold">Invite someone</h2>
      <FormMessage error={state.formError} message={state.message} />
      {state.result?.link && (
        <p className="break-all rounded-md bg-slate-100 p-3 font-mono text-xs" data-testid="invitation-link">
          {state.result.link}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <Field label="Email" name="email" type="email" defaultValue={state.values?.email} error={state.fieldErrors?.email} />
        <Field label="Role" name="role" error={state.fieldErrors?.role}>
          <select
            id="role"
            name="role"
            defaultValue={state.values?.role ?? "campaigner"}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </Field>
        <SubmitButton pendingLabel="Inviting…">Create invitation</SubmitButton>
      </div>
    </form>
  );
}
