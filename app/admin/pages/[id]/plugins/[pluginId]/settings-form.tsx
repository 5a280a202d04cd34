"use client";
import { useActionState } from "react";
import { Field } from "@/components/form/field";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import type { ActionState } from "@/lib/auth/action";
import { MAX_TARGETS_PER_CALL, POSTCODE_FALLBACK_LABELS, POSTCODE_FALLBACKS, SELECTION_MODE_LABELS, SELECTION_MODES, type CallToolConfig } from "@/lib/calltool/config";
import { saveSettingsAction } from "./actions";
import { RecallFields } from "./recall-fields";
import { useSavedVersion } from "@/components/form/use-saved-version";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";

type Props = {
  pluginId: string;
  version: number;
  onSaved: (version: number) => void;
  config: CallToolConfig;
  phoneNumbers: { number: string; label: string }[];
  attributeNames: string[];
};

function NumberOptions({ numbers }: { numbers: Props["phoneNumbers"] }) {
  return numbers.map((entry) => (
    <option key={entry.number} value={entry.number}>
      {entry.number}
      {entry.label ? ` (${entry.label})` : ""}
    </option>
  ));
}

export function SettingsForm({ pluginId, version, onSaved, config, phoneNumbers, attributeNames }: Props) {
  const [state, action] = useActionState(saveSettingsAction, {} as ActionState);
  useSavedVersion(state, onSaved);
  const errors = state.fieldErrors ?? {};
  const value = (field: string, fallback: string) => state.values?.[field] ?? fallback;
  return (
    <form action={action} noValidate className="space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="font-semibold">Settings</h2>
      <input type="hidden" name="pluginId" value={pluginId} />
      <input type="hidden" name="version" value={version} />
      <FormMessage error={state.formError} message={state.message} />
      <Field label="Title" name="title" defaultValue={value("title", config.title)} error={errors.title} />
      <Field label="Talking points (Markdown)" name="description" error={errors.description} hint="What members should say. Shown beside the call form.">
        <textarea id="description" name="description" rows={6} defaultValue={value("description", config.description)} className={`${input} font-mono`} />
      </Field>

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Members get a target by</legend>
        <div className="mt-2 space-y-1.5">
          {SELECTION_MODES.map((mode) => (
            <label key={mode} className="flex items-center gap-2 text-sm">
              <input type="radio" name="selectionMode" value={mode} defaultChecked={value("selectionMode", config.selectionMode) === mode} />
              {SELECTION_MODE_LABELS[mode]}
            </label>
          ))}
        </div>
        {errors.selectionMode && <p className="mt-1 text-sm text-red-700">{errors.selectionMode}</p>}
      </fieldset>
      <Field label="When a member's postcode isn't in the table" name="postcodeFallback" error={errors.postcodeFallback} hint="For “their postcode”: what the page and the phone offer instead.">
        <select id="postcodeFallback" name="postcodeFallback" defaultValue={value("postcodeFallback", config.postcodeFallback)} className={input}>
          {POSTCODE_FALLBACKS.map((fallback) => (
            <option key={fallback} value={fallback}>
              {POSTCODE_FALLBACK_LABELS[fallback]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="Narrow down by (in order)"
        name="targetByAttributes"
        defaultValue={value("targetByAttributes", config.targetByAttributes.join(", "))}
        hint={attributeNames.length ? `Your targets have: ${attributeNames.join(", ")}` : "Import targets with extra columns (state, party…) to narrow down by them."}
        error={errors.targetByAttributes ?? Object.entries(errors).find(([key]) => key.startsWith("targetByAttributes."))?.[1]}
      />

      <div className="grid gap-5 md:grid-cols-2">
        <Field label="Message read out when there is no recording" name="messageText" error={errors.messageText}>
          <textarea id="messageText" name="messageText" rows={4} defaultValue={value("messageText", config.message.text)} className={input} />
        </Field>
        <Field label="Menu read out when there is no recording" name="menuText" error={errors.menuText}>
          <textarea id="menuText" name="menuText" rows={4} defaultValue={value("menuText", config.menu.text)} className={input} />
        </Field>
      </div>

      <div className="grid gap-5 md:grid-cols-2">
        <Field label="Caller ID" name="callerId" error={errors.callerId} hint="The number members' phones show. Manage the list on the Phone numbers page.">
          <select id="callerId" name="callerId" defaultValue={value("callerId", config.callerId)} className={input}>
            <option value="">Choose a number…</option>
            <NumberOptions numbers={phoneNumbers} />
          </select>
        </Field>
        <Field label="Dial-in number" name="dialInNumber" error={errors.dialInNumber} hint="Members may phone it to call without the web. Save, then connect it below.">
          <select id="dialInNumber" name="dialInNumber" defaultValue={value("dialInNumber", config.dialInNumber)} className={input}>
            <option value="">None</option>
            <NumberOptions numbers={phoneNumbers} />
          </select>
        </Field>
        <Field
          label="Members may call from"
          name="allowedCountries"
          defaultValue={value("allowedCountries", config.allowedCountries.join(", "))}
          hint="Two-letter country codes (ISO 3166), like GB, FR. Empty: the countries of your targets."
          error={errors.allowedCountries ?? Object.entries(errors).find(([key]) => key.startsWith("allowedCountries."))?.[1]}
        />
        <Field
          label="Calls allowed per member number per day"
          name="callsPerNumberPerDay"
          type="number"
          min={1}
          max={50}
          defaultValue={value("callsPerNumberPerDay", String(config.callsPerNumberPerDay))}
          error={errors.callsPerNumberPerDay}
        />
      </div>

      <fieldset className="rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-800">Longest call (a cap on cost)</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Whole call, in minutes"
            name="memberTimeLimitMinutes"
            type="number"
            min={5}
            max={240}
            defaultValue={value("memberTimeLimitMinutes", String(config.memberTimeLimitMinutes))}
            hint="Twilio hangs up after this, whatever is happening."
            error={errors.memberTimeLimitMinutes}
          />
          <Field
            label="Talk with the target, in minutes"
            name="targetTimeLimitMinutes"
            type="number"
            min={1}
            max={240}
            defaultValue={value("targetTimeLimitMinutes", String(config.targetTimeLimitMinutes))}
            error={errors.targetTimeLimitMinutes}
          />
        </div>
      </fieldset>

      <fieldset className="rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-800">Several targets, busy lines</legend>
        <Field
          label="Targets per call"
          name="targetsPerCall"
          type="number"
          min={1}
          max={MAX_TARGETS_PER_CALL}
          defaultValue={value("targetsPerCall", String(config.targetsPerCall))}
          hint="The member is put through to up to this many targets in turn, and presses * to move on to the next. Targets pinned “call first” or “call last” are called as well."
          error={errors.targetsPerCall}
        />
        <label className="mt-4 flex items-center gap-2 text-sm">
          <input type="checkbox" name="busyRedialEnabled" defaultChecked={state.values ? state.values.busyRedialEnabled === "on" : config.busyRedial.enabled} />
          When a target&apos;s line is busy, keep the member on hold and redial
        </label>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <Field label="Redials at most" name="busyRedialAttempts" type="number" min={1} max={10} defaultValue={value("busyRedialAttempts", String(config.busyRedial.attempts))} error={errors.busyRedialAttempts} />
          <Field
            label="Seconds between redials"
            name="busyRedialDelaySeconds"
            type="number"
            min={5}
            max={300}
            defaultValue={value("busyRedialDelaySeconds", String(config.busyRedial.delaySeconds))}
            hint="The member can press 1 to stop waiting."
            error={errors.busyRedialDelaySeconds}
          />
        </div>
      </fieldset>

      <RecallFields recall={config.recall} errors={errors} value={value} ticked={(name, fallback) => (state.values ? state.values[name] === "on" : fallback)} />
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}
