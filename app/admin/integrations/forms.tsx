"use client";
import { useActionState } from "react";
import { Field } from "@/components/form/field";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { createEndpointAction, removeEndpointAction, resendDeliveryAction, sendTestEventAction, setEndpointActiveAction } from "./actions";

export function AddEndpointForm() {
  const [state, action] = useActionState(createEndpointAction, {} as ActionState);
  return (
    <form action={action} noValidate className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="font-semibold">Send calls to an address</h2>
      <FormMessage error={state.formError} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <Field label="Address (URL)" name="url" type="url" placeholder="https://crm.example.org/hooks/patchthrough" defaultValue={state.values?.url} error={state.fieldErrors?.url} />
        <Field label="Description (optional)" name="description" placeholder="Our CRM" defaultValue={state.values?.description} error={state.fieldErrors?.description} />
        <SubmitButton>Add address</SubmitButton>
      </div>
    </form>
  );
}

function OneButton({ action: run, fields, label, pendingLabel, variant }: { action: (state: ActionState, form: FormData) => Promise<ActionState>; fields: Record<string, string>; label: string; pendingLabel?: string; variant?: "primary" | "secondary" | "danger" }) {
  const [state, action] = useActionState(run, {} as ActionState);
  return (
    <form action={action} className="space-y-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant ?? "secondary"} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      <FormMessage error={state.formError} message={state.message} />
    </form>
  );
}

export function EndpointControls({ id, active }: { id: string; active: boolean }) {
  return (
    <div className="flex flex-wrap items-start gap-3">
      <OneButton action={sendTestEventAction} fields={{ id }} label="Send a test delivery" pendingLabel="Sending…" />
      <OneButton action={setEndpointActiveAction} fields={{ id, active: active ? "false" : "true" }} label={active ? "Pause deliveries" : "Resume deliveries"} />
      <OneButton action={removeEndpointAction} fields={{ id }} label="Remove" variant="danger" />
    </div>
  );
}

export function ResendForm({ id, endpointId }: { id: string; endpointId: string }) {
  return <OneButton action={resendDeliveryAction} fields={{ id, endpointId }} label="Re-send" pendingLabel="Re-sending…" />;
}
