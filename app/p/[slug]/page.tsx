import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CallToolView } from "@/components/calltool/call-tool-view";
import { Markdown } from "@/components/markdown";
import { filtersFrom } from "@/lib/calltool/choose-target";
import { currentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { verifiedError } from "@/lib/calltool/form-echo";
import { db } from "@/lib/db/client";
import { findMemberPage } from "@/lib/pages/public";

const load = cache(async (slug: string) => {
  const found = /^[a-z0-9-]{1,80}$/.test(slug) ? await findMemberPage(db(), { slug }) : null;
  if (!found) return null;
  if (found.page.status === "published") return { ...found, preview: false };
  // A draft is visible only to the people who build pages.
  const user = await currentUser();
  return user && (STAFF_ROLES as readonly string[]).includes(user.role) ? { ...found, preview: true } : null;
});

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const found = await load((await params).slug);
  return found ? { title: found.page.title, robots: found.preview ? { index: false } : undefined } : {};
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> }) {
  const found = await load((await params).slug);
  if (!found) notFound();
  const query = await searchParams;
  const text = (key: string) => (typeof query[key] === "string" ? (query[key] as string).slice(0, 300) : undefined);
  // A form posted without JavaScript comes back here with its error and what was typed.
  const initial = { error: verifiedError(text("error"), text("sig")), field: text("field"), phone: text("phone"), targetId: text("target") };
  const { page, callTools, preview } = found;
  return (
    <div lang={page.language}>
      {preview && (
        <p role="status" className="bg-amber-100 px-6 py-2 text-center text-sm font-medium text-amber-900">
          Draft preview: only people signed in to Patchthrough can see this page.
        </p>
      )}
      <main className="mx-auto max-w-3xl space-y-8 px-6 py-10">
        <h1 className="text-3xl font-bold tracking-tight">{page.title}</h1>
        {page.body && <Markdown className="text-lg text-slate-800">{page.body}</Markdown>}
        {callTools.map((tool) => (
          <CallToolView key={tool.id} tool={tool} language={page.language} returnTo={`/p/${page.slug}`} filters={filtersFrom(query)} initial={initial} />
        ))}
      </main>
    </div>
  );
}
