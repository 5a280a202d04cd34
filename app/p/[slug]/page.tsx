import type { Metadata } from "next";
import { loadMemberPage, MemberPageView } from "./member-page";

/**
 * The member's page, as every visitor gets it: rendered on the first visit
 * and served from the cache after that, with no database query, until a
 * campaigner changes a page (lib/pages/cache.ts). Nothing here may depend on
 * who is visiting. A visit whose address carries form state, or a signed-in
 * visitor, is sent by the edge (lib/edge/member-pages.mjs) to ./view instead.
 */
export const dynamicParams = true;
export const revalidate = false;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

type Params = { params: Promise<{ slug: string }> };

const published = async (slug: string) => {
  const found = await loadMemberPage(slug);
  return found?.page.status === "published" ? found : null;
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await published((await params).slug);
  return found ? { title: found.page.title } : {};
}

export default async function CampaignPage({ params }: Params) {
  return <MemberPageView found={await published((await params).slug)} />;
}
