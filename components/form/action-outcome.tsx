import type { ActionState } from "@/lib/auth/action";

/** A small inline result for one-button forms: the error, or what was done. */
export function ActionOutcome({ state, className = "text-sm" }: { state: ActionState; className?: string }) {
  const text = state.formError ?? Object.values(state.fieldErrors ?? {})[0] ?? state.message;
  if (!text) return null;
  return (
    <span role={state.ok ? "status" : "alert"} className={`${className} ${state.ok ? "text-green-800" : "text-red-700"}`}>
      {text}
    </span>
  );
}
