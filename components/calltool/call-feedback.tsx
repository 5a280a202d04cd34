"use client";
import { useState } from "react";
import { FEEDBACK_ANSWERS, NOTE_MAX, type FeedbackAnswer } from "@/lib/feedback/answers";
import { feedbackStrings } from "@/lib/feedback/strings";

type Props = { language: string; feedbackUrl: string; token: string };

/**
 * "How did it go?" after a call that reached the target: spoke to someone,
 * left a voicemail or couldn't get through, and a one-line note. Sent once;
 * the server refuses a second answer for the call.
 */
export function CallFeedback({ language, feedbackUrl, token }: Props) {
  const strings = feedbackStrings(language);
  const [answer, setAnswer] = useState<FeedbackAnswer | null>(null);
  const [note, setNote] = useState("");
  const [state, setState] = useState<"asking" | "sending" | "thanks" | "already" | "failed">("asking");

  if (state === "thanks" || state === "already") {
    return (
      <p role="status" className="mt-4 text-sm font-medium text-slate-800" data-testid="feedback-done">
        {state === "thanks" ? strings.thanks : strings.already}
      </p>
    );
  }

  const send = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!answer || state === "sending") return;
    setState("sending");
    const response = await fetch(feedbackUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token, answer, note }) }).catch(() => null);
    setState(response?.status === 201 ? "thanks" : response?.status === 409 ? "already" : "failed");
  };

  return (
    <form onSubmit={send} className="mt-5 space-y-3 border-t border-brand-100 pt-4" data-testid="call-feedback">
      <fieldset>
        <legend className="font-semibold">{strings.question}</legend>
        <div className="mt-2 space-y-1.5">
          {FEEDBACK_ANSWERS.map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="feedback-answer" value={value} checked={answer === value} onChange={() => setAnswer(value)} />
              {strings.answers[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block text-sm font-medium">
        {strings.note}
        <input type="text" value={note} maxLength={NOTE_MAX} onChange={(event) => setNote(event.target.value)} className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-base" />
      </label>
      {state === "failed" && (
        <p role="alert" className="text-sm text-red-700">
          {strings.failed}
        </p>
      )}
      <button type="submit" disabled={!answer || state === "sending"} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {strings.send}
      </button>
    </form>
  );
}
