"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/form/field";
import { FormMessage } from "@/components/form/form-message";
import { LanguageField } from "@/components/form/language-field";
import { SubmitButton } from "@/components/form/submit-button";
import { useSavedVersion } from "@/components/form/use-saved-version";
import type { ActionState } from "@/lib/auth/action";
import type { Page } from "@/lib/pages/schema";
import { updatePageAction } from "../actions";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

export function PageForm({ page }: { page: Pick<Page, "id" | "title" | "slug" | "body" | "language" | "followUpUrl" | "callGoal" | "version"> }) {
  const [state, action] = useActionState(updatePageAction, {} as ActionState);
  // After a save the server's version moves on; the next save must send it.
  const [version, setVersion] = useState(page.version);
  useSavedVersion(state, setVersion);
  const value = (field: keyof typeof page) => state.values?.[field] ?? String(page[field] ?? "");
  return (
    <form action={action} noValidate className="space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 className="font-semibold">Page</h2>
      <input type="hidden" name="pageId" value={page.id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage error={state.formError} message={state.message} />
      <Field label="Title" name="title" defaultValue={value("title")} error={state.fieldErrors?.title} />
      <Field label="Web address" name="slug" defaultValue={value("slug")} hint="Members open /p/ followed by this." error={state.fieldErrors?.slug} />
      <Field label="Page text (Markdown)" name="body" error={state.fieldErrors?.body}>
        <textarea id="body" name="body" rows={10} defaultValue={value("body")} className={`${input} font-mono`} />
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <LanguageField defaultValue={value("language")} hint="What members read, and what the phone says." error={state.fieldErrors?.language} />
        <Field label="Follow-up page (optional)" name="followUpUrl" type="url" defaultValue={value("followUpUrl")} hint="Shown after a call, with the target's name." error={state.fieldErrors?.followUpUrl} />
        <Field label="Call goal (optional)" name="callGoal" inputMode="numeric" defaultValue={value("callGoal")} hint="The page shows its calls made against it: 1,234 of 5,000." error={state.fieldErrors?.callGoal} />
      </div>
      <SubmitButton pendingLabel="Saving…">Save page</SubmitButton>
    </form>
  );
}
