import type { Metadata } from "next";
import { AuthShell } from "@/components/ui/auth-shell";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { homePath } from "@/lib/auth/roles";
import { requireAccount } from "@/lib/auth/session";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change your password" };

export default async function ChangePasswordPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const account = await requireAccount();
  const next = safeCallbackPath((await searchParams).next, homePath(account.role));
  return (
    <AuthShell>
      <h1 className="text-xl font-semibold">Change your password</h1>
      {account.mustChangePassword ? (
        <p role="status" className="mb-6 mt-2 rounded-md bg-amber-100 p-3 text-sm text-amber-900">
          This account&apos;s password is published in Patchthrough&apos;s README, so anyone could sign in with it. Choose your own before you continue.
        </p>
      ) : (
        <p className="mb-6 mt-2 text-sm text-slate-600">Signed in as {account.email}. Changing your password signs you out everywhere else.</p>
      )}
      <ChangePasswordForm next={next} email={account.email} />
    </AuthShell>
  );
}
