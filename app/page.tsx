import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

const steps = [
  { title: "Build a page", text: "Campaigners write the ask, add the decision-makers to call and record a short message." },
  { title: "Members leave their number", text: "We phone them straight away, play your message and connect them to their target." },
  { title: "Watch it work", text: "Every call, its outcome and its timeline, live, with exports and webhooks to your CRM." },
];

export default function HomePage() {
  return (
    <main className="mx-auto max-w-5xl px-6 py-16">
      <header className="flex items-center justify-between">
        <span className="text-lg font-bold text-brand-700">Patchthrough</span>
        <Link href="/signin" className={buttonClass("secondary")}>
          Sign in
        </Link>
      </header>
      <section className="mt-20 max-w-2xl">
        <h1 className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">Put your members on the phone with the people who decide.</h1>
        <p className="mt-6 text-lg text-slate-700">
          Patchthrough is an open-source call tool for campaign organisations. A member enters their number, we call them, brief them with your message,
          and patch them through to their representative.
        </p>
        <div className="mt-8 flex gap-3">
          <Link href="/signin" className={buttonClass()}>
            Sign in to build a campaign
          </Link>
        </div>
      </section>
      <ol className="mt-20 grid gap-6 sm:grid-cols-3">
        {steps.map((step, index) => (
          <li key={step.title} className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <span className="text-sm font-semibold text-brand-600">Step {index + 1}</span>
            <h2 className="mt-2 font-semibold">{step.title}</h2>
            <p className="mt-2 text-sm text-slate-600">{step.text}</p>
          </li>
        ))}
      </ol>
    </main>
  );
}
