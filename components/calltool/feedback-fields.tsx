import { FEEDBACK_ANSWERS, NOTE_MAX } from "@/lib/feedback/answers";
import type { FeedbackStrings } from "@/lib/feedback/strings";

/**
 * The question's fields, shared by the page's script (call-feedback.tsx) and
 * the status page without JavaScript (call-feedback-form.tsx): the answers as
 * radio buttons named `answer`, the one-line `note`, and an error at the
 * field at fault.
 */
export function FeedbackFields({ strings, error }: { strings: FeedbackStrings; error: "answer" | "note" | "failed" | null }) {
  return (
    <>
      <fieldset aria-describedby={error === "answer" ? "feedback-answer-error" : undefined}>
        <legend className="font-semibold">{strings.question}</legend>
        {error === "answer" && (
          <p id="feedback-answer-error" role="alert" className="mt-1 text-sm text-red-700">
            {strings.choose}
          </p>
        )}
        <div className="mt-2 space-y-1.5">
          {FEEDBACK_ANSWERS.map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="answer" value={value} />
              {strings.answers[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block text-sm font-medium">
        {strings.note}
        <input
          type="text"
          name="note"
          maxLength={NOTE_MAX}
          aria-invalid={error === "note" || undefined}
          aria-describedby={error === "note" ? "feedback-note-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-base"
        />
      </label>
      {(error === "note" || error === "failed") && (
        <p id="feedback-note-error" role="alert" className="text-sm text-red-700">
          {strings.failed}
        </p>
      )}
    </>
  );
}
