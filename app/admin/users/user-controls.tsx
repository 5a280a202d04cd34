"use client";
import { useActionState } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { changeRoleAction, revokeInvitationAction, setDisabledAction } from "./actions";

function Outcome({ state }: { state: ActionState }) {
  const text = state.formError ?? Object.values(state.fieldErrors ?? {})[0] ?? state.message;
  if (!text) return null;
  return (
    <span role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-green-700" : "text-red-700"}`}>
      {text}
    </span>
  );
}

export function RoleForm({ userId, role, email }: { userId: string; role: Role; email: string }) {
  const [state, action] = useActionState(changeRoleAction, {} as ActionState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} aria-label={`Role of ${email}`} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {ROLE_LABELS[value]}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary">Save role</SubmitButton>
      <Outcome state={state} />
    </form>
  );
}

export function DisableForm({ userId, disabled }: { userId: string; disabled: boolean }) {
  const [state, action] = useActionState(setDisabledAction, {} as ActionState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <SubmitButton variant={disabled ? "secondary" : "danger"}>{disabled ? "Enable" : "Disable"}</SubmitButton>
      <Outcome state={state} />
    </form>
  );
}

export function RevokeInvitationForm({ invitationId }: { invitationId: string }) {
  const [state, action] = useActionState(revokeInvitationAction, {} as ActionState);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="danger">Withdraw</SubmitButton>
      <Outcome state={state} />
    </form>
  );
}
