import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Pages" };

export default async function AdminPagesPage() {
  await requireRole(STAFF_ROLES);
  return (
    <>
      <PageHeader title="Pages" />
      <EmptyState title="No campaign pages yet">Campaign pages hold the ask, the talking points and a call tool. Pages you create appear here.</EmptyState>
    </>
  );
}
