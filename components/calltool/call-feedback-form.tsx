import type { FeedbackPageState } from "@/lib/feedback/answers";
import { feedbackStrings } from "@/lib/feedback/strings";
import { FeedbackFields } from "./feedback-fields";

type Props = { language: string; callId: string; token: string; returnTo: string; state: FeedbackPageState | null };

/**
 * "How did it go?" on the status page without JavaScript: a plain form that
 * posts to the same route as the script's and comes back here saying how it
 * went, with an error at the field at fault.
 */
export function CallFeedbackForm({ language, callId, token, returnTo, state }: Props) {
  const strings = feedbackStrings(language);
  if (state === "thanks" || state === "already") {
    return (
      <p id="feedback" role="status" className="mt-4 text-sm font-medium text-slate-800" data-testid="feedback-done">
        {state === "thanks" ? strings.thanks : strings.already}
      </p>
    );
  }
  return (
    <form id="feedback" method="post" action={`/api/calls/${callId}/feedback`} className="mt-5 space-y-3 border-t border-brand-100 pt-4" data-testid="call-feedback">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="return_to" value={returnTo} />
      <FeedbackFields strings={strings} error={state} />
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
        {strings.send}
      </button>
    </form>
  );
}
