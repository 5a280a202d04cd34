import Link from "next/link";
import { signOutAction } from "@/app/admin/actions";
import { requireRole } from "@/lib/auth/session";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";

/** Volunteers' pages: every signed-in role may phone bank; only staff see /admin. */
export default async function PhoneBankLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole(ROLES);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between px-6 py-3 text-sm">
          <Link href="/phone-bank" className="text-lg font-bold text-brand-700">
            Patchthrough phone banks
          </Link>
          <div className="flex items-center gap-3">
            <span className="text-slate-600">
              {user.name || user.email} · {ROLE_LABELS[user.role]}
            </span>
            <form action={signOutAction}>
              <button type="submit" className="text-brand-700 underline-offset-2 hover:underline">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-6 py-8">{children}</main>
    </div>
  );
}
