"use client";
import { useActionState } from "react";
import { Field } from "@/components/form/field";
import { FormMessage } from "@/components/form/form-message";
import { RemoveForm } from "@/components/form/remove-form";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { addPhoneNumberAction, importPhoneNumbersAction, removePhoneNumberAction } from "./actions";

export function AddPhoneNumberForm() {
  const [state, action] = useActionState(addPhoneNumberAction, {} as ActionState);
  return (
    <form action={action} noValidate className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="font-semibold">Add a number</h2>
      <FormMessage error={state.formError} message={state.message} />
      <div className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <Field label="Phone number" name="number" placeholder="+44 20 7946 0018" defaultValue={state.values?.number} error={state.fieldErrors?.number} />
        <Field label="Label (optional)" name="label" placeholder="London office" defaultValue={state.values?.label} error={state.fieldErrors?.label} />
        <SubmitButton>Add number</SubmitButton>
      </div>
    </form>
  );
}

export function ImportFromTwilioForm({ telephony }: { telephony: string }) {
  const [state, action] = useActionState(importPhoneNumbersAction, {} as ActionState);
  return (
    <form action={action} className="space-y-2">
      <SubmitButton variant="secondary" pendingLabel="Asking Twilio…">
        Import from the {telephony === "twilio" ? "Twilio account" : "simulator's account"}
      </SubmitButton>
      <FormMessage error={state.formError} message={state.message} />
    </form>
  );
}

export function RemovePhoneNumberForm({ id, number }: { id: string; number: string }) {
  return <RemoveForm action={removePhoneNumberAction} id={id} label={number} />;
}
