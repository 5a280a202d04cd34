"use client";
import { useActionState } from "react";
import { ActionOutcome } from "@/components/form/action-outcome";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { PLUGIN_LABELS, PLUGIN_TYPES } from "@/lib/pages/plugins";
import { addPluginAction, deletePageAction, duplicatePageAction, pluginChangeAction, setPageStatusAction } from "../actions";

export function StatusControls({ pageId, status }: { pageId: string; status: string }) {
  const [state, action] = useActionState(setPageStatusAction, {} as ActionState);
  const [copyState, copy] = useActionState(duplicatePageAction, {} as ActionState);
  return (
    <div className="space-y-3">
      <form action={action}>
        <input type="hidden" name="pageId" value={pageId} />
        <input type="hidden" name="status" value={status === "published" ? "draft" : "published"} />
        <SubmitButton variant={status === "published" ? "secondary" : "primary"}>{status === "published" ? "Unpublish" : "Publish"}</SubmitButton>
      </form>
      <ActionOutcome state={state} />
      <form action={copy}>
        <input type="hidden" name="pageId" value={pageId} />
        <SubmitButton variant="secondary" pendingLabel="Duplicating…">Duplicate page</SubmitButton>
      </form>
      <ActionOutcome state={copyState} />
    </div>
  );
}

export function DeletePageForm({ pageId }: { pageId: string }) {
  const [state, action] = useActionState(deletePageAction, {} as ActionState);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="pageId" value={pageId} />
      <label className="block text-sm">
        Type <strong>delete</strong> to delete this page and its call tools
        <input name="confirm" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" autoComplete="off" />
      </label>
      <SubmitButton variant="danger">Delete page</SubmitButton>
      <ActionOutcome state={state} />
    </form>
  );
}

export function AddPluginForm({ pageId }: { pageId: string }) {
  const [state, action] = useActionState(addPluginAction, {} as ActionState);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="pageId" value={pageId} />
      <label className="text-sm">
        Add
        <select name="type" className="ml-2 rounded-md border border-slate-300 px-2 py-1.5 text-sm">
          {PLUGIN_TYPES.map((type) => (
            <option key={type} value={type}>
              {PLUGIN_LABELS[type]}
            </option>
          ))}
        </select>
      </label>
      <SubmitButton variant="secondary">Add plugin</SubmitButton>
      <ActionOutcome state={state} />
    </form>
  );
}

type PluginControlsProps = { pageId: string; pluginId: string; active: boolean; first: boolean; last: boolean; label: string; live: boolean };

export function PluginControls({ pageId, pluginId, active, first, last, label, live }: PluginControlsProps) {
  const [state, action] = useActionState(pluginChangeAction, {} as ActionState);
  const button = "rounded-md px-2 py-1 text-xs font-semibold ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-40";
  return (
    <form action={action} className="flex flex-wrap items-center gap-1.5">
      <input type="hidden" name="pageId" value={pageId} />
      <input type="hidden" name="pluginId" value={pluginId} />
      <button name="change" value="up" disabled={first} className={button} aria-label={`Move ${label} up`}>
        ↑
      </button>
      <button name="change" value="down" disabled={last} className={button} aria-label={`Move ${label} down`}>
        ↓
      </button>
      <button name="change" value={active ? "deactivate" : "activate"} className={button}>
        {active ? "Switch off" : "Switch on"}
      </button>
      {live ? (
        <details className="relative">
          <summary className={`${button} cursor-pointer list-none text-red-700`} aria-label={`Remove ${label}…`}>
            Remove…
          </summary>
          <div className="absolute right-0 z-10 mt-1 w-72 space-y-2 rounded-md bg-white p-3 text-sm shadow-lg ring-1 ring-slate-200">
            <label className="block">
              The page is live: members lose this call tool, its targets, settings and clips. Type <strong>remove</strong> to confirm
              <input name="confirm" autoComplete="off" className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5" />
            </label>
            <button name="change" value="remove" className={`${button} text-red-700`} aria-label={`Remove ${label}`}>
              Remove
            </button>
          </div>
        </details>
      ) : (
        <button name="change" value="remove" className={`${button} text-red-700`} aria-label={`Remove ${label}`}>
          Remove
        </button>
      )}
      <ActionOutcome state={state} />
    </form>
  );
}
