import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Phone numbers" };

export default async function AdminPhonenumbersPage() {
  await requireRole(STAFF_ROLES);
  return (
    <>
      <PageHeader title="Phone numbers" />
      <EmptyState title="No phone numbers yet">The numbers your organisation may show as caller ID are listed here.</EmptyState>
    </>
  );
}
