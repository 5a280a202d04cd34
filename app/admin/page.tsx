import Link from "next/link";
import { PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";

const cards = [
  { href: "/admin/pages", title: "Pages", text: "Campaign pages and the call tools on them." },
  { href: "/admin/calls", title: "Calls", text: "Every call members made, with its outcome and timeline." },
  { href: "/admin/phone-banks", title: "Phone banks", text: "Volunteers dialling lists of leads." },
  { href: "/admin/phone-numbers", title: "Phone numbers", text: "The numbers your calls may show as caller ID." },
  { href: "/admin/blocklist", title: "Blocklist", text: "Numbers and addresses that may not place calls." },
];

export default async function AdminHome() {
  const user = await requireRole(STAFF_ROLES);
  return (
    <>
      <PageHeader title={`Welcome${user.name ? `, ${user.name}` : ""}`} description="What would you like to work on?" />
      <ul className="grid gap-4 sm:grid-cols-2">
        {cards.map((card) => (
          <li key={card.href}>
            <Link href={card.href} className="block rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 hover:ring-brand-600">
              <h2 className="font-semibold">{card.title}</h2>
              <p className="mt-1 text-sm text-slate-600">{card.text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
