"use client";
import { useActionState } from "react";
import { Field } from "@/components/form/field";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { PASSWORD_MIN } from "@/lib/zod/user";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token }: { token: string }) {
  const [state, action] = useActionState(acceptInvitationAction, {} as ActionState);
  return (
    <form action={action} noValidate className="space-y-5">
      <input type="hidden" name="token" value={token} />
      <FormMessage error={state.formError} message={state.message} />
      <Field label="Your name" name="name" autoComplete="name" defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <Field label="Choose a password" name="password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters.`} error={state.fieldErrors?.password} />
      <Field label="Type it again" name="confirmPassword" type="password" autoComplete="new-password" error={state.fieldErrors?.confirmPassword} />
      <SubmitButton pendingLabel="Creating your account…">Create my account</SubmitButton>
    </form>
  );
}
