import type { Metadata } from "next";
import { AuthShell } from "@/components/ui/auth-shell";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { findInvitation } from "@/lib/users/service";
import { AcceptInvitationForm } from "./accept-form";

export const metadata: Metadata = { title: "Accept your invitation", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const lookup = await findInvitation(db(), token);
  return (
    <AuthShell>
      {lookup.ok ? (
        <>
          <h1 className="text-xl font-semibold">Welcome to Patchthrough</h1>
          <p className="mb-6 mt-2 text-sm text-slate-600">
            You were invited as <strong>{ROLE_LABELS[lookup.invitation.role].toLowerCase()}</strong> with {lookup.invitation.email}.
          </p>
          <AcceptInvitationForm token={token} />
        </>
      ) : (
        <>
          <h1 className="text-xl font-semibold">This link can&apos;t be used</h1>
          <p className="mt-2 text-slate-600">{lookup.problem}</p>
        </>
      )}
    </AuthShell>
  );
}
