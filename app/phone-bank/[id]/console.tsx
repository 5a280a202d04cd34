"use client";
import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { useActionState, useEffect, useState } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/components/form/form-message";
import { SubmitButton } from "@/components/form/submit-button";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/auth/action";
import type { ConsoleView } from "@/lib/phonebank/views";
import { autoConnectAction, callNextAction, dispositionAction, hangUpAction, leaveAction } from "./actions";

const formatNumber = (number: string) => parsePhoneNumberFromString(number)?.formatInternational() ?? number;

/** Enabled only when the volunteer's line is up and free. */
function NextLeadButton({ ready }: { ready: boolean }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" disabled={!ready || pending} aria-disabled={!ready || pending}>
      {pending ? "Calling…" : "Call next lead"}
    </Button>
  );
}

/** A view from an action's answer replaces the streamed one only if it is newer than what we have. */
function useConsole(phoneBankId: string, initial: ConsoleView, fromActions: (ConsoleView | undefined)[]) {
  const [view, setView] = useState(initial);
  const [seen, setSeen] = useState(fromActions);
  if (fromActions.some((entry, index) => entry !== seen[index])) {
    setSeen(fromActions);
    const fresh = fromActions.find((entry, index) => entry && entry !== seen[index]);
    if (fresh) setView(fresh);
  }
  useEffect(() => {
    const source = new EventSource(`/phone-bank/${phoneBankId}/events`);
    source.onmessage = (event) => setView(JSON.parse(event.data) as ConsoleView);
    return () => source.close();
  }, [phoneBankId]);
  return view;
}

/** `virtualPhone`: on the simulator, where the volunteer dials in from; the virtual phone is for staff only. */
export function VolunteerConsole({ phoneBankId, initial, virtualPhone }: { phoneBankId: string; initial: ConsoleView; virtualPhone: "open" | "staff-only" | null }) {
  const [nextState, callNext] = useActionState(callNextAction, {} as ActionState);
  const [dispositionState, saveDisposition] = useActionState(dispositionAction, {} as ActionState);
  const [autoState, toggleAuto] = useActionState(autoConnectAction, {} as ActionState);
  const [leaveState, leave] = useActionState(leaveAction, {} as ActionState);
  const [hangUpState, hangUp] = useActionState(hangUpAction, {} as ActionState);
  const view = useConsole(phoneBankId, initial, [nextState.data, dispositionState.data, autoState.data].map((data) => data as ConsoleView | undefined));
  const onLine = !["waiting-for-line", "disconnected", "ended"].includes(view.stage);

  return (
    <div className="space-y-6">
      <section className="rounded-xl bg-brand-50 p-5" aria-label="Your line">
        <p role="status" aria-live="polite" className="text-lg font-semibold text-brand-800" data-testid="console-status" data-stage={view.stage}>
          {view.message}
        </p>
        {view.stage !== "ended" && (
          <div className="mt-3 flex flex-wrap items-end gap-6 text-sm">
            <div>
              <p className="text-slate-600">Dial</p>
              <p className="font-mono text-xl" data-testid="inbound-number">
                {formatNumber(view.inboundNumber)}
              </p>
            </div>
            <div>
              <p className="text-slate-600">and enter your access code</p>
              <p className="font-mono text-3xl tracking-widest" data-testid="access-code">
                {view.accessCode}
              </p>
            </div>
            {virtualPhone && !onLine && (
              <p>
                <a href="/dev/phone" target="_blank" rel="noreferrer" className="font-medium text-brand-700 underline">
                  Dial in from the virtual phone
                </a>
                <span className="block text-xs text-slate-500">
                  {virtualPhone === "open" ? "Use Call in there, then type the code on its keypad." : "The virtual phone is for campaign staff: ask one to call in for you."}
                </span>
              </p>
            )}
          </div>
        )}
      </section>

      {view.lead && (
        <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" aria-labelledby="lead-heading">
          <h2 id="lead-heading" className="text-xl font-semibold">
            {view.lead.name}
          </h2>
          <p className="text-sm text-slate-600">
            {view.lead.phone} · call {view.lead.attempt} of at most 3
          </p>
          {["calling", "ringing", "connected"].includes(view.stage) && (
            <form action={hangUp} className="mt-3">
              <input type="hidden" name="sessionId" value={view.sessionId} />
              <SubmitButton variant="danger" pendingLabel="Hanging up…">
                {view.stage === "connected" ? `Hang up on ${view.lead.name}` : "Stop calling"}
              </SubmitButton>
            </form>
          )}
          {Object.keys(view.lead.fields).length > 0 && (
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" aria-label="About this lead">
              {Object.entries(view.lead.fields).map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="font-medium text-slate-700">{key.replace(/_/g, " ")}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      )}

      {view.needsDisposition && view.leadCallId && (
        <form action={saveDisposition} className="space-y-3 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <input type="hidden" name="sessionId" value={view.sessionId} />
          <input type="hidden" name="leadCallId" value={view.leadCallId} />
          <fieldset>
            <legend className="font-semibold">How did it go?</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {view.dispositions.map((choice) => (
                <label key={choice} className="flex items-center gap-2 text-sm">
                  <input type="radio" name="disposition" value={choice} required />
                  {choice}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="block text-sm">
            Notes
            <textarea name="notes" rows={3} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
          </label>
          <FormMessage error={dispositionState.formError ?? dispositionState.fieldErrors?.disposition} />
          <SubmitButton pendingLabel="Saving…">Save outcome</SubmitButton>
        </form>
      )}

      {view.stage !== "ended" && (
        <div className="flex flex-wrap items-start gap-6">
          <form action={callNext} className="space-y-2">
            <input type="hidden" name="sessionId" value={view.sessionId} />
            <NextLeadButton ready={view.stage === "ready"} />
            <p className="text-xs text-slate-500">{view.leadsDueNow} lead{view.leadsDueNow === 1 ? "" : "s"} to call now</p>
          </form>
          <form action={toggleAuto}>
            <input type="hidden" name="sessionId" value={view.sessionId} />
            <label className="flex items-center gap-2 text-sm">
              {/* Uncontrolled, so it flips at once; the key brings it back in line when the saved setting comes back different. */}
              <input
                key={String(view.autoConnect)}
                type="checkbox"
                name="autoConnect"
                defaultChecked={view.autoConnect}
                onChange={(event) => event.currentTarget.form?.requestSubmit()}
              />
              Auto-connect: call the next lead as soon as I save an outcome
            </label>
            <p className="mt-1 text-xs text-slate-500" aria-live="polite">
              {view.autoConnect ? "Auto-connect is on." : "Auto-connect is off."}
            </p>
          </form>
          <form action={leave} className="ml-auto">
            <input type="hidden" name="sessionId" value={view.sessionId} />
            <input type="hidden" name="phoneBankId" value={phoneBankId} />
            <SubmitButton variant="danger">Leave phone bank</SubmitButton>
          </form>
        </div>
      )}
      <FormMessage error={nextState.formError ?? autoState.formError ?? leaveState.formError ?? hangUpState.formError} />
    </div>
  );
}
