"use client";
import { useActionState } from "react";
import { ActionOutcome } from "@/components/form/action-outcome";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { changeRoleAction, issueResetLinkAction, revokeInvitationAction, setDisabledAction } from "./actions";

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
      <ActionOutcome className="text-xs" state={state} />
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
      <ActionOutcome className="text-xs" state={state} />
    </form>
  );
}

export function RevokeInvitationForm({ invitationId }: { invitationId: string }) {
  const [state, action] = useActionState(revokeInvitationAction, {} as ActionState);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="danger">Withdraw</SubmitButton>
      <ActionOutcome className="text-xs" state={state} />
    </form>
  );
}

export function ResetLinkForm({ userId }: { userId: string }) {
  const [state, action] = useActionState(issueResetLinkAction, {} as ActionState);
  return (
    <form action={action} className="mt-2 space-y-1">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary">Reset link</SubmitButton>
      <ActionOutcome className="block text-xs" state={state} />
      {state.result?.link && (
        <p className="break-all rounded-md bg-slate-100 p-2 font-mono text-xs" data-testid="reset-link">
          {state.result.link}
        </p>
      )}
    </form>
  );
}
