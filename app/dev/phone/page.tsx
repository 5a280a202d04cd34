import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { appSimulator } from "@/lib/telephony/simulator";
import { BehaviourForm, TestCallForm } from "./phone-tools";
import { VirtualPhone } from "./virtual-phone";

export const metadata: Metadata = { title: "Virtual phone" };
export const dynamic = "force-dynamic";

export default function VirtualPhonePage() {
  if (!appSimulator()) notFound();
  return (
    <main className="mx-auto max-w-6xl px-6 py-10">
      <h1 className="text-2xl font-bold">Virtual phone</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Patchthrough is running on its built-in Twilio simulator: every number the app calls rings here. Answer, press keys and hang up as a member or a
        target would.
      </p>
      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_20rem]">
        <VirtualPhone />
        <aside className="space-y-6">
          <TestCallForm />
          <BehaviourForm />
        </aside>
      </div>
    </main>
  );
}
