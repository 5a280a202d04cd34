import type { Metadata } from "next";
import { AuthShell } from "@/components/ui/auth-shell";
import { db } from "@/lib/db/client";
import { findPasswordReset } from "@/lib/users/passwords";
import { ResetPasswordForm } from "./reset-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const lookup = await findPasswordReset(db(), token);
  return (
    <AuthShell>
      {lookup.ok ? (
        <>
          <h1 className="text-xl font-semibold">Choose a new password</h1>
          <p className="mb-6 mt-2 text-sm text-slate-600">For {lookup.email}. This link works once.</p>
          <ResetPasswordForm token={token} email={lookup.email} />
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
