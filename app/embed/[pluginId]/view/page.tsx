import { formStateFrom, type SearchParams } from "@/lib/calltool/form-echo";
import { EmbeddedToolView, loadEmbeddedTool } from "../embedded-tool";

// The embedded call tool for one visit whose address carries form state: a form posted without JavaScript came back, inside the frame, with its error.
export const metadata = { robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function LiveEmbeddedCallTool({ params, searchParams }: { params: Promise<{ pluginId: string }>; searchParams: Promise<SearchParams> }) {
  const { pluginId } = await params;
  return <EmbeddedToolView pluginId={pluginId} loaded={await loadEmbeddedTool(pluginId)} state={formStateFrom(await searchParams)} />;
}
