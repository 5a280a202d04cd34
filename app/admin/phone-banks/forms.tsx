"use client";
import { useActionState } from "react";
import { Field } from "@/components/form/field";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { connectInboundNumberAction, createPhoneBankAction, setPhoneBankStatusAction } from "./actions";

export function OpenBadge({ open }: { open: boolean }) {
  return (
    <span className={`rounded-full px-2.5 py-1 text-xs font-semibold ${open ? "bg-green-100 text-green-900" : "bg-slate-100 text-slate-700"}`}>
      {open ? "Open" : "Closed"}
    </span>
  );
}

export function NewPhoneBankForm() {
  const [state, action] = useActionState(createPhoneBankAction, {} as ActionState);
  return (
    <form action={action} noValidate className="space-y-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="font-semibold">New phone bank</h2>
      <FormMessage error={state.formError} />
      <div className="grid gap-4 sm:grid-cols-[1fr_auto] sm:items-end">
        <Field label="Name" name="name" placeholder="Get out the vote: Northfield" defaultValue={state.values?.name} error={state.fieldErrors?.name} />
        <SubmitButton pendingLabel="Creating…">Create phone bank</SubmitButton>
      </div>
    </form>
  );
}

export function ConnectNumberForm({ id, label }: { id: string; label: string }) {
  const [state, action] = useActionState(connectInboundNumberAction, {} as ActionState);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel="Asking Twilio…">
        {label}
      </SubmitButton>
      <FormMessage error={state.formError} message={state.message} />
    </form>
  );
}

export function OpenCloseForm({ id, open }: { id: string; open: boolean }) {
  const [state, action] = useActionState(setPhoneBankStatusAction, {} as ActionState);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="status" value={open ? "closed" : "open"} />
      <SubmitButton variant={open ? "danger" : "secondary"}>{open ? "Close phone bank" : "Open phone bank"}</SubmitButton>
      <FormMessage error={state.formError} message={state.message} />
    </form>
  );
}
