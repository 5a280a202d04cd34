import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { RoutingStatus } from "@/components/admin/number-routing";
import type { ClipSlot } from "@/lib/calltool/clip-schema";
import { listClipVersions } from "@/lib/calltool/clip-versions";
import { countPostcodeAreas } from "@/lib/calltool/postcode-service";
import { loadCallTool } from "@/lib/calltool/service";
import { routingOrProblem } from "@/lib/phone-numbers/routing";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { embedScriptSnippet } from "@/lib/pages/embed-script";
import { listPhoneNumbers } from "@/lib/phone-numbers/service";
import { CallToolEditor } from "./call-tool-editor";

export const metadata: Metadata = { title: "Call tool" };

export default async function CallToolPage({ params }: { params: Promise<{ id: string; pluginId: string }> }) {
  await requireRole(STAFF_ROLES);
  const { id, pluginId } = await params;
  const tool = /^[0-9a-f-]{36}$/.test(pluginId) ? await loadCallTool(db(), pluginId) : null;
  if (!tool || tool.page.id !== id) notFound();
  const [numbers, versions, routing, postcodeRows] = await Promise.all([
    listPhoneNumbers(db()),
    listClipVersions(db(), pluginId),
    tool.config.dialInNumber ? routingOrProblem(tool.config.dialInNumber) : null,
    countPostcodeAreas(db(), pluginId),
  ]);
  const versionInfo = (slot: ClipSlot) =>
    versions[slot].map(({ number, clip, attachedAt }) => ({ number, attachedAt: attachedAt.toISOString(), id: clip.id, fileName: clip.fileName, url: clip.url, durationSeconds: clip.durationSeconds }));
  const clip = (clipId: string | null) => {
    const found = tool.clips.find((entry) => entry.id === clipId);
    return found ? { id: found.id, fileName: found.fileName, url: found.url, durationSeconds: found.durationSeconds } : null;
  };
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/admin/pages/${id}`} className="text-brand-700 hover:underline">
          ← {tool.page.title}
        </Link>
      </p>
      <PageHeader title={tool.config.title} description="Call tool">
        <Link href={`/admin/calls?tool=${pluginId}`} className="text-sm font-semibold text-brand-700 hover:underline">
          Calls
        </Link>
      </PageHeader>
      <CallToolEditor
        pluginId={pluginId}
        exportUrl={`/admin/pages/${id}/plugins/${pluginId}/targets.csv`}
        embedUrl={`${getEnv().PUBLIC_URL}/embed/${pluginId}`}
        embedScript={embedScriptSnippet(getEnv().PUBLIC_URL, pluginId, tool.config.title)}
        initialVersion={tool.plugin.version}
        config={tool.config}
        targets={tool.targets}
        clips={{ message: clip(tool.config.message.clipId), menu: clip(tool.config.menu.clipId) }}
        clipVersions={{ message: versionInfo("message"), menu: versionInfo("menu") }}
        phoneNumbers={numbers.map((entry) => ({ number: entry.number, label: entry.label }))}
        dialInStatus={routing && <RoutingStatus routing={routing} route="call-tool" feature="this call tool" callers="members" />}
        postcodeRows={postcodeRows}
      />
    </>
  );
}
