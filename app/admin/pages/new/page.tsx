import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { NewPageForm } from "./new-page-form";

export const metadata: Metadata = { title: "New page" };

export default async function NewPage() {
  await requireRole(STAFF_ROLES);
  return (
    <>
      <PageHeader title="New page" description="You can change all of this later; the page stays a draft until you publish it." />
      <NewPageForm />
    </>
  );
}
