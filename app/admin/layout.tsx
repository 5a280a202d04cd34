import Link from "next/link";
import { AdminNav, type NavItem } from "@/components/admin/admin-nav";
import { requireRole } from "@/lib/auth/session";
import { ROLE_LABELS, STAFF_ROLES } from "@/lib/auth/roles";
import { signOutAction } from "./actions";

const sections: NavItem[] = [
  { href: "/admin/pages", label: "Pages" },
  { href: "/admin/calls", label: "Calls" },
  { href: "/admin/stats", label: "Statistics" },
  { href: "/admin/phone-banks", label: "Phone banks" },
  { href: "/admin/phone-numbers", label: "Phone numbers" },
  { href: "/admin/blocklist", label: "Blocklist" },
];

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole(STAFF_ROLES);
  const items = user.role === "admin" ? [...sections, { href: "/admin/integrations", label: "Integrations" }, { href: "/admin/users", label: "Users" }] : sections;
  return (
    <div className="min-h-screen md:flex">
      <aside className="border-b border-slate-200 bg-white p-4 md:min-h-screen md:w-60 md:border-r md:border-b-0">
        <Link href="/admin" className="mb-4 block px-3 text-lg font-bold text-brand-700">
          Patchthrough
        </Link>
        <AdminNav items={items} />
        <div className="mt-6 border-t border-slate-200 px-3 pt-4 text-sm">
          <p className="truncate font-medium" title={user.email}>
            {user.name || user.email}
          </p>
          <p className="text-slate-500">{ROLE_LABELS[user.role]}</p>
          <Link href="/account/password" className="mt-2 block text-brand-700 underline-offset-2 hover:underline">
            Change password
          </Link>
          <form action={signOutAction} className="mt-2">
            <button type="submit" className="text-brand-700 underline-offset-2 hover:underline">
              Sign out
            </button>
          </form>
        </div>
      </aside>
      <main className="flex-1 p-6 md:p-10">{children}</main>
    </div>
  );
}
