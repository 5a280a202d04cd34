"use client";
import { useActionState } from "react";
import { Field } from "@/components/form/field";
import { FormMessage } from "@/components/form/form-message";
import { RemoveForm } from "@/components/form/remove-form";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { addToBlocklistAction, removeFromBlocklistAction } from "./actions";

const KINDS = [
  { value: "number", label: "Phone number" },
  { value: "ip", label: "IP address" },
];

const EXPIRIES = [
  { value: "never", label: "Never" },
  { value: "1", label: "In 1 day" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
];

const selectClass = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

export function AddToBlocklistForm() {
  const [state, action] = useActionState(addToBlocklistAction, {} as ActionState);
  return (
    <form action={action} noValidate className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="font-semibold">Block a number or address</h2>
      <FormMessage error={state.formError} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr_1fr_9rem_auto] sm:items-start">
        <Field label="Kind" name="kind" error={state.fieldErrors?.kind}>
          <select id="kind" name="kind" defaultValue={state.values?.kind ?? "number"} className={selectClass}>
            {KINDS.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {kind.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Number or address" name="value" placeholder="+44 20 7946 0018" defaultValue={state.values?.value} error={state.fieldErrors?.value} />
        <Field label="Reason" name="reason" placeholder="Abusive calls to targets" defaultValue={state.values?.reason} error={state.fieldErrors?.reason} />
        <Field label="Expires" name="expiresInDays" error={state.fieldErrors?.expiresInDays}>
          <select id="expiresInDays" name="expiresInDays" defaultValue={state.values?.expiresInDays ?? "never"} className={selectClass}>
            {EXPIRIES.map((expiry) => (
              <option key={expiry.value} value={expiry.value}>
                {expiry.label}
              </option>
            ))}
          </select>
        </Field>
        <div className="sm:pt-6">
          <SubmitButton>Block</SubmitButton>
        </div>
      </div>
    </form>
  );
}

export function RemoveFromBlocklistForm({ id, value }: { id: string; value: string }) {
  return <RemoveForm action={removeFromBlocklistAction} id={id} label={value} />;
}
