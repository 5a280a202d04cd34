"use client";
import { useActionState } from "react";
import { Field } from "@/components/form/field";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { signInAction } from "./actions";

// noValidate: the server's messages are the ones people see, with or without JavaScript.
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action] = useActionState(signInAction, {} as ActionState);
  return (
    <form action={action} noValidate className="space-y-5">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage error={state.formError} />
      <Field label="Email" name="email" type="email" autoComplete="username" defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
