import { EmbeddedToolView, loadEmbeddedTool } from "./embedded-tool";

// Rendered once and cached, like the member's page (see app/p/[slug]/page.tsx); form state goes to ./view.
export const metadata = { robots: { index: false } };
export const dynamicParams = true;
export const revalidate = false;
export async function generateStaticParams(): Promise<{ pluginId: string }[]> {
  return [];
}

export default async function EmbeddedCallTool({ params }: { params: Promise<{ pluginId: string }> }) {
  const { pluginId } = await params;
  return <EmbeddedToolView pluginId={pluginId} loaded={await loadEmbeddedTool(pluginId)} />;
}
