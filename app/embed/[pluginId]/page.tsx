import { notFound } from "next/navigation";
import { CallToolView } from "@/components/calltool/call-tool-view";
import { UUID } from "@/lib/calltool/calls";
import { verifiedError } from "@/lib/calltool/form-echo";
import { db } from "@/lib/db/client";
import { findMemberPage } from "@/lib/pages/public";

export const metadata = { robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;

/** The call tool alone, for partners' sites (see the framing headers in next.config.mjs). Only published, active tools. */
export default async function EmbeddedCallTool({ params, searchParams }: { params: Promise<{ pluginId: string }>; searchParams: Promise<SearchParams> }) {
  const { pluginId } = await params;
  const found = UUID.test(pluginId) ? await findMemberPage(db(), { pluginId }) : null;
  const tool = found?.page.status === "published" ? found.callTools[0] : undefined;
  if (!found || !tool) notFound();
  const query = await searchParams;
  const text = (key: string) => (typeof query[key] === "string" ? (query[key] as string).slice(0, 300) : undefined);
  // A form posted without JavaScript comes back here, inside the frame, with its error and what was typed.
  const initial = { error: verifiedError(text("error"), text("sig")), field: text("field"), phone: text("phone"), targetId: text("target") };
  return (
    <div lang={found.page.language} className="p-3">
      <CallToolView tool={tool} language={found.page.language} returnTo={`/embed/${pluginId}`} filters={{}} initial={initial} />
    </div>
  );
}
