import type { Metadata } from "next";
import { cache } from "react";
import { currentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { formStateFrom, type SearchParams } from "@/lib/calltool/form-echo";
import { loadMemberPage, MemberPageView } from "../member-page";

/**
 * The member's page rendered for one visit: for an address carrying form
 * state (a narrowed choice, an error a form posted without JavaScript came
 * back with) and for signed-in visitors, who may preview drafts. The edge
 * routes those visits here; the address the visitor sees stays /p/<slug>.
 */
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

const load = cache(async (slug: string) => {
  const found = await loadMemberPage(slug);
  if (!found) return null;
  if (found.page.status === "published") return { found, preview: false };
  // A draft is visible only to the people who build pages.
  const user = await currentUser();
  return user && (STAFF_ROLES as readonly string[]).includes(user.role) ? { found, preview: true } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).slug);
  return loaded ? { title: loaded.found.page.title, robots: { index: false } } : {};
}

export default async function LiveCampaignPage({ params, searchParams }: Props) {
  const loaded = await load((await params).slug);
  return <MemberPageView found={loaded?.found ?? null} preview={loaded?.preview} state={formStateFrom(await searchParams)} />;
}
