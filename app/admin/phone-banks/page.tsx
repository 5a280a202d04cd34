import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Phone banks" };

export default async function AdminPhonebanksPage() {
  await requireRole(STAFF_ROLES);
  return (
    <>
      <PageHeader title="Phone banks" />
      <EmptyState title="No phone banks yet">A phone bank lets volunteers dial in once and be connected to lead after lead.</EmptyState>
    </>
  );
}
