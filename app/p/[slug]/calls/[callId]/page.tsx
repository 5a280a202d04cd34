import { notFound } from "next/navigation";
import { callWithEvents } from "@/lib/calltool/calls";
import { memberStrings } from "@/lib/calltool/member-strings";
import { memberProgress } from "@/lib/calltool/progress";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";
export const metadata = { robots: { index: false } };

/** The call's progress for a member without JavaScript: the page refreshes itself until the call is over. */
export default async function CallStatusPage({ params }: { params: Promise<{ slug: string; callId: string }> }) {
  const found = await callWithEvents(db(), (await params).callId);
  if (!found) notFound();
  const progress = memberProgress(found.call, found.events);
  const strings = memberStrings(found.call.script.language);
  return (
    <main lang={found.call.script.language} className="mx-auto max-w-xl px-6 py-16">
      {!progress.done && <meta httpEquiv="refresh" content="3" />}
      <p role="status" className="text-2xl font-semibold">
        {progress.message}
      </p>
      {progress.done && progress.stage !== "failed" && <p className="mt-4 text-lg">{strings.thanks(progress.targetName)}</p>}
      {progress.followUpUrl && (
        <a href={progress.followUpUrl} className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white">
          {strings.followUp}
        </a>
      )}
    </main>
  );
}
