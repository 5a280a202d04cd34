import { notFound } from "next/navigation";
import { CallToolView } from "@/components/calltool/call-tool-view";
import { UUID } from "@/lib/calltool/calls";
import { db } from "@/lib/db/client";
import { findMemberPage } from "@/lib/pages/public";
import type { FormState } from "@/lib/calltool/form-echo";

/** A published page's active call tool, by its id. */
export async function loadEmbeddedTool(pluginId: string) {
  const found = UUID.test(pluginId) ? await findMemberPage(db(), { pluginId }) : null;
  const tool = found?.page.status === "published" ? found.callTools[0] : undefined;
  return found && tool ? { language: found.page.language, tool } : null;
}

/** The call tool alone, for partners' sites (framable: see lib/edge/headers.mjs). Cached like the member's page. */
export function EmbeddedToolView({ pluginId, loaded, state }: { pluginId: string; loaded: Awaited<ReturnType<typeof loadEmbeddedTool>>; state?: FormState }) {
  if (!loaded) notFound();
  return (
    <div lang={loaded.language} className="p-3">
      <CallToolView tool={loaded.tool} language={loaded.language} returnTo={`/embed/${pluginId}`} filters={state?.filters ?? {}} initial={state?.initial ?? {}} />
    </div>
  );
}
