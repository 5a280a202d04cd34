import { Field } from "@/components/form/field";
import { RING_SECONDS, type CallToolRecall } from "@/lib/calltool/config";
import { MAX_ATTEMPTS, RECALLABLE_OUTCOME_LABELS, RECALLABLE_OUTCOMES, type RecallableOutcome } from "@/lib/recall/policy";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm";
const OUTCOME_FIELDS: Record<RecallableOutcome, string> = { busy: "recallOnBusy", "no-answer": "recallOnNoAnswer", failed: "recallOnFailed" };

type Props = {
  recall: CallToolRecall;
  errors: Record<string, string>;
  /** The value last posted for a field, or the saved one. */
  value: (field: string, fallback: string) => string;
  ticked: (field: string, fallback: boolean) => boolean;
};

/** The call tool's recall policy: who is called back, how often, how long each call rings, and whether machines are looked for. */
export function RecallFields({ recall, errors, value, ticked }: Props) {
  const summary = `${recall.maxAttempts} call${recall.maxAttempts === 1 ? "" : "s"}, ${recall.delayMinutes} minute${recall.delayMinutes === 1 ? "" : "s"} apart`;
  return (
    <fieldset className="rounded-lg border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium text-slate-800">When a member doesn&apos;t answer</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="recallEnabled" defaultChecked={ticked("recallEnabled", recall.enabled)} />
        Call them back ({summary})
      </label>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <Field label="Calls in all, the first included" name="recallMaxAttempts" error={errors.recallMaxAttempts}>
          <select id="recallMaxAttempts" name="recallMaxAttempts" defaultValue={value("recallMaxAttempts", String(recall.maxAttempts))} className={input}>
            {Array.from({ length: MAX_ATTEMPTS }, (_, index) => index + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Minutes between calls" name="recallDelayMinutes" type="number" min={1} max={24 * 60} defaultValue={value("recallDelayMinutes", String(recall.delayMinutes))} error={errors.recallDelayMinutes} />
        <Field
          label="Seconds each call rings"
          name="ringSeconds"
          type="number"
          min={RING_SECONDS.min}
          max={RING_SECONDS.max}
          defaultValue={value("ringSeconds", String(recall.ringSeconds))}
          hint="Under a minute: longer, Twilio rings again through another route, as an anonymous number."
          error={errors.ringSeconds}
        />
        <Field
          label="Give up after (hours)"
          name="recallMaxAgeHours"
          type="number"
          min={1}
          max={14 * 24}
          defaultValue={value("recallMaxAgeHours", String(recall.maxAgeHours))}
          hint="A call back kept from the night waits for the morning, unless that is later than this after the first call."
          error={errors.recallMaxAgeHours}
        />
      </div>
      <fieldset className="mt-3">
        <legend className="text-sm text-slate-700">Call back when the member&apos;s line</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {RECALLABLE_OUTCOMES.map((outcome) => (
            <label key={outcome} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={OUTCOME_FIELDS[outcome]} defaultChecked={ticked(OUTCOME_FIELDS[outcome], recall.recallOn.includes(outcome))} />
              {RECALLABLE_OUTCOME_LABELS[outcome]}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-500">A number the phone provider refuses (an invalid number) is never called back.</p>
      </fieldset>
      <label className="mt-3 flex items-center gap-2 text-sm">
        <input type="checkbox" name="recallQuietHours" defaultChecked={ticked("recallQuietHours", recall.quietHours)} />
        No call backs between 21:00 and 08:00 in the member&apos;s time zone (guessed from their number)
      </label>
      <label className="mt-3 flex items-center gap-2 text-sm">
        <input type="checkbox" name="machineDetection" defaultChecked={ticked("machineDetection", recall.machineDetection)} />
        Detect answering machines: hang up on them without the message, and call back as if nobody answered (adds a few seconds before the message)
      </label>
    </fieldset>
  );
}
