import { notFound } from "next/navigation";
import { CallToolView } from "@/components/calltool/call-tool-view";
import { db } from "@/lib/db/client";
import { findMemberPage } from "@/lib/pages/public";

export const metadata = { robots: { index: false } };

/** The call tool alone, for partners' sites (see the framing headers in next.config.mjs). Only published, active tools. */
export default async function EmbeddedCallTool({ params }: { params: Promise<{ pluginId: string }> }) {
  const { pluginId } = await params;
  const found = /^[0-9a-f-]{36}$/.test(pluginId) ? await findMemberPage(db(), { pluginId }) : null;
  const tool = found?.page.status === "published" ? found.callTools[0] : undefined;
  if (!found || !tool) notFound();
  return (
    <div lang={found.page.language} className="p-3">
      <CallToolView tool={tool} language={found.page.language} returnTo={`/p/${found.page.slug}`} filters={{}} initial={{}} />
    </div>
  );
}
