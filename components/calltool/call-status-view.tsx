import Link from "next/link";
import { Markdown } from "@/components/markdown";
import type { MemberCallView } from "@/lib/calltool/call-view";
import { memberStrings } from "@/lib/calltool/member-strings";
import type { FeedbackPageState } from "@/lib/feedback/answers";
import { CallFeedbackForm } from "./call-feedback-form";

/**
 * A call's progress for a member without JavaScript: the page refreshes
 * itself until the call is over, then offers the next step. Served at
 * /p/<slug>/calls/<id> and, framable, at /embed/<plugin>/calls/<id>.
 */
type Props = {
  view: MemberCallView;
  backTo: string;
  callId: string;
  here: string;
  /** Once the call reached the target: the token that lets this page answer "How did it go?", and what the last answer did. */
  feedback?: { token: string; state: FeedbackPageState | null };
};

export function CallStatusView({ view, backTo, callId, here, feedback }: Props) {
  const { progress, tool } = view;
  const strings = memberStrings(view.language);
  return (
    <main lang={view.language} className="mx-auto max-w-xl space-y-6 px-6 py-10">
      {!progress.done && <meta httpEquiv="refresh" content="3" />}
      {view.page && <h1 className="text-2xl font-bold tracking-tight">{view.page.title}</h1>}
      <section className="rounded-lg bg-brand-50 p-5" aria-label={progress.targetName}>
        <p className="text-sm font-medium text-slate-700" data-testid="status-target">
          {progress.targetName}
        </p>
        <p role="status" className="mt-1 text-xl font-semibold text-brand-800">
          {progress.message}
        </p>
        {progress.canStop && (
          <form method="post" action={`/api/calls/${callId}/stop`} className="mt-4">
            <input type="hidden" name="return_to" value={here} />
            <button type="submit" className="rounded-md border border-brand-600 px-4 py-2 font-semibold text-brand-700">
              {strings.stopCalling}
            </button>
          </form>
        )}
        {progress.followUpUrl && (
          <a href={progress.followUpUrl} className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white">
            {strings.followUp}
          </a>
        )}
        {progress.done && !progress.connected && (
          <Link href={backTo} className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white">
            {strings.tryAgain}
          </Link>
        )}
        {feedback && <CallFeedbackForm language={view.language} callId={callId} token={feedback.token} returnTo={here} state={feedback.state} />}
      </section>
      {tool?.description && (
        <section>
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{strings.talkingPoints}</h2>
          <Markdown className="mt-2 text-slate-800">{tool.description}</Markdown>
        </section>
      )}
    </main>
  );
}
