"use client";
import { useActionState, useState } from "react";
import { Field } from "@/components/form/field";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import { useSavedVersion } from "@/components/form/use-saved-version";
import type { ActionState } from "@/lib/auth/action";
import { formatClock } from "@/lib/recall/hours";
import type { RecallPolicy } from "@/lib/recall/policy";
import { savePhoneBankAction } from "../actions";

export type SettingsValues = {
  id: string;
  version: number;
  name: string;
  script: string;
  inboundNumber: string;
  callerId: string;
  dispositions: string[];
  callingStart: number;
  callingEnd: number;
  recall: RecallPolicy;
  machineDetection: boolean;
  voicemailMessage: string;
};

const input = "mt-1 block w-full rounded-md border px-3 py-2 text-sm shadow-sm";

function Select({ label, name, value, numbers, error, hint }: { label: string; name: string; value: string; numbers: { number: string; label: string }[]; error?: string; hint?: string }) {
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      <select id={name} name={name} defaultValue={value} aria-invalid={error ? true : undefined} className={`${input} ${error ? "border-red-500" : "border-slate-300"}`}>
        <option value="">Choose a number…</option>
        {numbers.map((entry) => (
          <option key={entry.number} value={entry.number}>
            {entry.number}
            {entry.label ? ` (${entry.label})` : ""}
          </option>
        ))}
      </select>
    </Field>
  );
}

function Check({ name, label, defaultChecked }: { name: string; label: string; defaultChecked: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} />
      {label}
    </label>
  );
}

export function SettingsForm({ values, numbers }: { values: SettingsValues; numbers: { number: string; label: string }[] }) {
  const [state, action] = useActionState(savePhoneBankAction, {} as ActionState);
  const [version, setVersion] = useState(values.version);
  useSavedVersion(state, setVersion);
  const errors = state.fieldErrors ?? {};
  const submitted = state.ok ? undefined : state.values;
  const text = (name: string, fallback: string) => submitted?.[name] ?? fallback;
  return (
    <form action={action} noValidate className="space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="text-lg font-semibold">Settings</h2>
      <input type="hidden" name="id" value={values.id} />
      <input type="hidden" name="version" value={version} />
      <FormMessage error={state.formError} message={state.ok ? state.message : undefined} />
      <Field label="Name" name="name" defaultValue={text("name", values.name)} error={errors.name} />
      <Field label="Script for volunteers (Markdown)" name="script" error={errors.script}>
        <textarea id="script" name="script" rows={8} defaultValue={text("script", values.script)} className={`${input} border-slate-300 font-mono`} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label="Number volunteers dial" name="inboundNumber" value={values.inboundNumber} numbers={numbers} error={errors.inboundNumber} hint="From Phone numbers; connect it below." />
        <Select label="Caller ID leads see" name="callerId" value={values.callerId} numbers={numbers} error={errors.callerId} />
      </div>
      <Field label="Outcomes volunteers choose from, one per line" name="dispositions" error={errors.dispositions} hint="“Do not call” is always offered: a lead given it is never dialled again.">
        <textarea id="dispositions" name="dispositions" rows={6} defaultValue={text("dispositions", values.dispositions.join("\n"))} className={`${input} border-slate-300`} />
      </Field>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Calling hours, in each lead&apos;s own time zone (guessed from their number)</legend>
        <Field label="From (24-hour, like 09:00)" name="callingStart" inputMode="numeric" defaultValue={text("callingStart", formatClock(values.callingStart))} error={errors.callingStart} />
        <Field label="Until (24:00 for midnight)" name="callingEnd" inputMode="numeric" defaultValue={text("callingEnd", formatClock(values.callingEnd))} error={errors.callingEnd} />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-1 text-sm font-medium text-slate-800">Leads who don&apos;t answer</legend>
        <Check name="recallEnabled" label="Call them again later" defaultChecked={values.recall.enabled} />
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Calls in all (at most 3)" name="recallMaxAttempts" type="number" min={1} max={3} defaultValue={values.recall.maxAttempts} error={errors.recallMaxAttempts} />
          <Field label="Minutes between calls" name="recallDelayMinutes" type="number" min={1} defaultValue={values.recall.delayMinutes} error={errors.recallDelayMinutes} />
          <Field label="Give up after (hours)" name="recallMaxAgeHours" type="number" min={1} defaultValue={values.recall.maxAgeHours} error={errors.recallMaxAgeHours} />
        </div>
        <div className="flex flex-wrap gap-4">
          <Check name="recallOnBusy" label="Busy" defaultChecked={values.recall.recallOn.includes("busy")} />
          <Check name="recallOnNoAnswer" label="No answer (or voicemail)" defaultChecked={values.recall.recallOn.includes("no-answer")} />
          <Check name="recallOnFailed" label="Failed while ringing" defaultChecked={values.recall.recallOn.includes("failed")} />
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="mb-1 text-sm font-medium text-slate-800">Answering machines</legend>
        <Check name="machineDetection" label="Detect answering machines (adds a few seconds before a lead is put through)" defaultChecked={values.machineDetection} />
        <Field label="Message left on a machine (empty: hang up)" name="voicemailMessage" error={errors.voicemailMessage}>
          <textarea id="voicemailMessage" name="voicemailMessage" rows={2} defaultValue={text("voicemailMessage", values.voicemailMessage)} className={`${input} border-slate-300`} />
        </Field>
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}
