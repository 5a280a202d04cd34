"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/form/field";
import { FormMessage } from "@/components/form/form-message";
import { LanguageField } from "@/components/form/language-field";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { slugify } from "@/lib/zod/page";
import { createPageAction } from "../actions";

export function NewPageForm() {
  const [state, action] = useActionState(createPageAction, {} as ActionState);
  const [title, setTitle] = useState(state.values?.title ?? "");
  const [slug, setSlug] = useState(state.values?.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(false);
  return (
    <form action={action} noValidate className="max-w-xl space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <FormMessage error={state.formError} />
      <Field
        label="Title"
        name="title"
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
          if (!slugEdited) setSlug(slugify(event.target.value));
        }}
        error={state.fieldErrors?.title}
      />
      <Field
        label="Web address"
        name="slug"
        value={slug}
        onChange={(event) => {
          setSlug(event.target.value);
          setSlugEdited(true);
        }}
        hint={`Members will open /p/${slug || "your-address"}`}
        error={state.fieldErrors?.slug}
      />
      <LanguageField defaultValue={state.values?.language ?? "en"} error={state.fieldErrors?.language} />
      <SubmitButton pendingLabel="Creating…">Create page</SubmitButton>
    </form>
  );
}
