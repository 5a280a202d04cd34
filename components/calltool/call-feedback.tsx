"use client";
import { useState } from "react";
import { feedbackStrings } from "@/lib/feedback/strings";
import { FeedbackFields } from "./feedback-fields";

type Props = { language: string; feedbackUrl: string; token: string };

/**
 * "How did it go?" after a call that reached the target: spoke to someone,
 * left a voicemail or couldn't get through, and a one-line note. Sent once;
 * the server refuses a second answer for the call.
 */
export function CallFeedback({ language, feedbackUrl, token }: Props) {
  const strings = feedbackStrings(language);
  const [answered, setAnswered] = useState(false);
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
    const fields = new FormData(event.currentTarget);
    const answer = fields.get("answer");
    if (!answer || state === "sending") return;
    setState("sending");
    const body = JSON.stringify({ token, answer, note: fields.get("note") ?? "" });
    const response = await fetch(feedbackUrl, { method: "POST", headers: { "Content-Type": "application/json" }, body }).catch(() => null);
    setState(response?.status === 201 ? "thanks" : response?.status === 409 ? "already" : "failed");
  };

  return (
    <form onSubmit={send} onChange={(event) => setAnswered(new FormData(event.currentTarget).has("answer"))} className="mt-5 space-y-3 border-t border-brand-100 pt-4" data-testid="call-feedback">
      <FeedbackFields strings={strings} error={state === "failed" ? "failed" : null} />
      <button type="submit" disabled={!answered || state === "sending"} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {strings.send}
      </button>
    </form>
  );
}
