"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action";

type RemoveAction = (state: ActionState, form: FormData) => Promise<ActionState>;

/** A one-button form that removes a listed thing by id, with its error beside the button. */
export function RemoveForm({ action: remove, id, label }: { action: RemoveAction; id: string; label: string }) {
  const [state, action] = useActionState(remove, {} as ActionState);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="text-sm font-semibold text-red-700 hover:underline" aria-label={`Remove ${label}`}>
        Remove
      </button>
      {state.formError && <span className="text-xs text-red-700">{state.formError}</span>}
    </form>
  );
}
