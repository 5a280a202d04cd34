import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireRole } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { appSimulator } from "@/lib/telephony/simulator";
import { PhoneTools } from "./phone-tools";
import { VirtualPhone } from "./virtual-phone";

export const metadata: Metadata = { title: "Virtual phone" };
export const dynamic = "force-dynamic";

export default async function VirtualPhonePage() {
  if (!appSimulator()) notFound();
  // It answers members' calls and shows their numbers: staff only.
  await requireRole(STAFF_ROLES);
  return (
    <main className="mx-auto max-w-6xl px-6 py-10">
      <h1 className="text-2xl font-bold">Virtual phone</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Patchthrough is running on its built-in Twilio simulator: every number the app calls rings here. Answer, press keys and hang up as a member or a
        target would, or call in to one of the account&apos;s numbers.
      </p>
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_22rem]">
        <VirtualPhone />
        <PhoneTools />
      </div>
    </main>
  );
}
