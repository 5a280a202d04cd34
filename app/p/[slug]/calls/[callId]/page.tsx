import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CallStatusView } from "@/components/calltool/call-status-view";
import { UUID } from "@/lib/calltool/calls";
import { memberCallView } from "@/lib/calltool/call-view";
import { db } from "@/lib/db/client";
import { statusPageFeedback } from "@/lib/feedback/service";

export const dynamic = "force-dynamic";

type Params = { searchParams?: Promise<{ feedback?: string | string[] }>; params: Promise<{ slug: string; callId: string }> };

async function load({ params }: Params) {
  const { slug, callId } = await params;
  const view = UUID.test(callId) ? await memberCallView(db(), callId) : null;
  return view && view.page?.slug === slug ? view : null;
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const view = await load(props);
  return { title: view ? `${view.progress.message} · ${view.page!.title}` : undefined, robots: { index: false } };
}

/** The call's progress for a member without JavaScript. */
export default async function CallStatusPage(props: Params) {
  const view = await load(props);
  if (!view) notFound();
  const { callId } = await props.params;
  const feedback = statusPageFeedback(callId, view.progress, (await props.searchParams)?.feedback);
  return <CallStatusView feedback={feedback} view={view} backTo={`/p/${view.page!.slug}`} callId={callId} here={`/p/${view.page!.slug}/calls/${callId}`} />;
}
