import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Calls" };

export default async function AdminCallsPage() {
  await requireRole(STAFF_ROLES);
  return (
    <>
      <PageHeader title="Calls" />
      <EmptyState title="No calls yet">Calls made from your pages appear here with their outcome, as soon as a member places one.</EmptyState>
    </>
  );
}
