"use client";
import { useEffect, useState } from "react";
import type { Dashboard } from "@/lib/phonebank/views";

const STATUS_LABELS: Record<string, string> = { placing: "calling", ringing: "ringing", answered: "answered", connected: "talking" };

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-4 py-3">
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-2xl font-semibold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** The campaigner's live view: a Server-Sent Events stream fed by the database's notifications. */
export function LiveView({ id, initial }: { id: string; initial: Dashboard }) {
  const [view, setView] = useState(initial);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/admin/phone-banks/${id}/events`);
    source.onmessage = (event) => {
      setView(JSON.parse(event.data) as Dashboard);
      setLive(true);
    };
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [id]);
  const { leads } = view;
  return (
    <section aria-labelledby="live-heading" className="space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div className="flex items-center justify-between">
        <h2 id="live-heading" className="text-lg font-semibold">Live</h2>
        <span className={`text-xs font-medium ${live ? "text-green-700" : "text-slate-500"}`}>{live ? "● live" : "connecting…"}</span>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Leads" value={leads.total} testId="leads-total" />
        <Stat label="Still to call" value={leads.dueNow} testId="leads-due" />
        <Stat label="In recall" value={leads.inRecall} testId="leads-recall" />
        <Stat label="Reached" value={leads.done + leads.answered} testId="leads-reached" />
        <Stat label="Being called" value={leads.calling} testId="leads-calling" />
        <Stat label="Unreachable" value={leads.unreachable} testId="leads-unreachable" />
        <Stat label="Invalid numbers" value={leads.invalid} testId="leads-invalid" />
        <Stat label="Do not call" value={leads.doNotCall} testId="leads-dnc" />
      </dl>
      <div className="grid gap-6 lg:grid-cols-3">
        <div>
          <h3 className="font-medium">Volunteers online ({view.volunteers.length})</h3>
          <ul className="mt-2 space-y-1 text-sm" aria-label="Volunteers online">
            {view.volunteers.length === 0 && <li className="text-slate-500">Nobody yet.</li>}
            {view.volunteers.map((volunteer) => (
              <li key={volunteer.sessionId}>
                <span className="font-medium">{volunteer.name}</span>: {volunteer.message}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="font-medium">Calls in progress ({view.callsInProgress.length})</h3>
          <ul className="mt-2 space-y-1 text-sm" aria-label="Calls in progress">
            {view.callsInProgress.length === 0 && <li className="text-slate-500">None right now.</li>}
            {view.callsInProgress.map((call) => (
              <li key={call.id}>
                {call.leadName} ({STATUS_LABELS[call.status] ?? call.status}) with {call.volunteer}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="font-medium">Outcomes so far</h3>
          <ul className="mt-2 space-y-1 text-sm" aria-label="Outcomes so far">
            {view.dispositions.length === 0 && <li className="text-slate-500">None recorded yet.</li>}
            {view.dispositions.map((entry) => (
              <li key={entry.disposition}>
                {entry.disposition}: <span className="font-semibold">{entry.count}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
