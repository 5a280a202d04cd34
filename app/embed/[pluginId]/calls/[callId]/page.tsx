import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CallStatusView } from "@/components/calltool/call-status-view";
import { UUID } from "@/lib/calltool/calls";
import { memberCallView } from "@/lib/calltool/call-view";
import { db } from "@/lib/db/client";
import { statusPageFeedback } from "@/lib/feedback/service";

export const dynamic = "force-dynamic";

type Params = { searchParams?: Promise<{ feedback?: string | string[] }>; params: Promise<{ pluginId: string; callId: string }> };

async function load({ params }: Params) {
  const { pluginId, callId } = await params;
  const view = UUID.test(callId) && UUID.test(pluginId) ? await memberCallView(db(), callId) : null;
  return view && view.pluginId === pluginId ? view : null;
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const view = await load(props);
  return { title: view ? `${view.progress.message} · ${view.page?.title ?? ""}` : undefined, robots: { index: false } };
}

/** The call's progress inside a partner's frame, for a member without JavaScript (framable, like /embed). */
export default async function EmbeddedCallStatus(props: Params) {
  const view = await load(props);
  if (!view) notFound();
  const { callId } = await props.params;
  const feedback = statusPageFeedback(callId, view.progress, (await props.searchParams)?.feedback);
  return <CallStatusView feedback={feedback} view={view} backTo={`/embed/${view.pluginId}`} callId={callId} here={`/embed/${view.pluginId}/calls/${callId}`} />;
}
