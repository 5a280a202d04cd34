"use client";
import { useActionState } from "react";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { joinAction } from "./actions";

export function JoinForm({ phoneBankId }: { phoneBankId: string }) {
  const [state, action] = useActionState(joinAction, {} as ActionState);
  return (
    <form action={action} className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <p className="text-sm">Join to get your access code. You&apos;ll dial one number, type the code, and stay on the line.</p>
      <input type="hidden" name="phoneBankId" value={phoneBankId} />
      <FormMessage error={state.formError} />
      <SubmitButton pendingLabel="Joining…">Join this phone bank</SubmitButton>
    </form>
  );
}
