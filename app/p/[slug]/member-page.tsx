import { notFound } from "next/navigation";
import { CallToolView } from "@/components/calltool/call-tool-view";
import { CallCounter } from "@/components/pages/call-counter";
import { Markdown } from "@/components/markdown";
import type { FormState } from "@/lib/calltool/form-echo";
import { db } from "@/lib/db/client";
import { findMemberPage, type MemberPage } from "@/lib/pages/public";

const SLUG = /^[a-z0-9-]{1,80}$/;

export async function loadMemberPage(slug: string): Promise<MemberPage | null> {
  return SLUG.test(slug) ? findMemberPage(db(), { slug }) : null;
}

/**
 * The page members see. app/p/[slug]/page.tsx renders it once for everyone
 * and caches it; app/p/[slug]/view renders it per visit when the address
 * carries form state or the visitor is signed in (drafts, for staff).
 */
export function MemberPageView({ found, preview = false, state }: { found: MemberPage | null; preview?: boolean; state?: FormState }) {
  if (!found) notFound();
  const { page, callTools } = found;
  return (
    <div lang={page.language}>
      {preview && (
        <p role="status" className="bg-amber-100 px-6 py-2 text-center text-sm font-medium text-amber-900">
          Draft preview: only people signed in to Patchthrough can see this page.
        </p>
      )}
      <main className="mx-auto max-w-3xl space-y-8 px-6 py-10">
        <h1 className="text-3xl font-bold tracking-tight">{page.title}</h1>
        {callTools.length > 0 && page.status === "published" && <CallCounter slug={page.slug} language={page.language} hasGoal={page.callGoal !== null} />}
        {page.body && <Markdown className="text-lg text-slate-800">{page.body}</Markdown>}
        {callTools.map((tool) => (
          <CallToolView key={tool.id} tool={tool} language={page.language} returnTo={`/p/${page.slug}`} filters={state?.filters ?? {}} initial={state?.initial ?? {}} />
        ))}
      </main>
    </div>
  );
}
