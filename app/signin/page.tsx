import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/ui/auth-shell";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { homePath } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const asked = (await searchParams).callbackUrl;
  // Empty when no page asked: the sign-in then sends the person to their own home.
  const callbackUrl = asked ? safeCallbackPath(asked) : "";
  const user = await currentUser();
  if (user) redirect(callbackUrl || homePath(user.role));
  return (
    <AuthShell footer="Accounts are created by an admin's invitation.">
      <h1 className="mb-6 text-xl font-semibold">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} />
    </AuthShell>
  );
}
