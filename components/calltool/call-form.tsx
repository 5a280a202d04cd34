"use client";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { TargetChoice } from "@/lib/calltool/choose-target";
import { memberStrings } from "@/lib/calltool/member-strings";
import { formatCountdown } from "@/lib/calltool/countdown";
import type { MemberProgress } from "@/lib/calltool/progress";
import { usePhoneCheck } from "./use-phone-check";

// Asked only after a call that reached the target: its code loads then, not with the page.
const CallFeedback = lazy(() => import("./call-feedback").then((module) => ({ default: module.CallFeedback })));

type Props = {
  language: string;
  targets: TargetChoice[];
  /** Countries a member may call from, the first being the likeliest. */
  countries: string[];
  returnTo: string;
  initial: { error?: string; field?: string; phone?: string; targetId?: string };
  /** The postcode the targets were found by: a form posted without JavaScript brings it back with its error. */
  postcode?: string;
};

const POLL_MS = 1500;

/**
 * The member's call form. It posts as a plain form without JavaScript; with
 * it, it checks the number as the member types and shows the call's progress
 * without leaving the page. The idempotency key is made here, in the browser
 * (the page itself is the same for every visitor), so a double click or a
 * resent request finds the call already made. Without JavaScript there is no
 * key, and the rule of one live call per number and page does the same.
 */
export function CallForm({ language, targets, countries, returnTo, initial, postcode }: Props) {
  const strings = memberStrings(language);
  const names = new Intl.DisplayNames([language], { type: "region" });
  const [targetId, setTargetId] = useState(initial.targetId && targets.some((t) => t.id === initial.targetId) ? initial.targetId : targets.length === 1 ? targets[0]!.id : "");
  const chosen = targets.find((target) => target.id === targetId);
  const [country, setCountry] = useState(countries.includes(chosen?.country ?? "") ? chosen!.country : (countries[0] ?? "GB"));
  const [phone, setPhone] = useState(initial.phone ?? "");
  const [touched, setTouched] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>(initial.error ? { [initial.field ?? "form"]: initial.error } : {});
  const [progress, setProgress] = useState<(MemberProgress & { feedbackToken?: string }) | null>(null);
  const [feedbackUrl, setFeedbackUrl] = useState("");
  const [sending, setSending] = useState(false);
  const poll = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  // Made at the first submit and kept until "Try again": resubmitting the same form finds the same call.
  const key = useRef<string | null>(null);
  useEffect(() => () => void (poll.current && clearTimeout(poll.current)), []);
  const statusUrlRef = useRef<string | null>(null);
  // A recall's countdown runs here, a second at a time, between the polls that set its end.
  const [recallAt, setRecallAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const counting = progress?.recall != null;
  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [counting]);

  const phoneCheck = usePhoneCheck();
  const invalidNumber = () => strings.invalidNumber(names.of(country) ?? country);
  const phoneProblem = phone.trim() && phoneCheck.isValid(phone, country) === false ? invalidNumber() : null;
  const phoneError = errors.member_phone_number || (touched ? phoneProblem : null);

  const follow = (statusUrl: string) => {
    let shown = -1;
    statusUrlRef.current = statusUrl;
    setFeedbackUrl(statusUrl.replace(/\/status$/, "/feedback"));
    const tick = async () => {
      const response = await fetch(statusUrl, { cache: "no-store" }).catch(() => null);
      if (response?.ok) {
        const next = (await response.json()) as MemberProgress & { feedbackToken?: string };
        // Answers can cross on the network: never show an earlier state after a later one.
        if (next.rank >= shown) {
          shown = next.rank;
          setProgress(next);
          setRecallAt(next.recall ? Date.now() + next.recall.seconds * 1000 : null);
        }
        if (next.done) return;
      }
      poll.current = setTimeout(tick, POLL_MS);
    };
    void tick();
  };

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    setTouched(true);
    if (!targetId) return setErrors({ target_id: strings.noTargetChosen });
    inFlight.current = true;
    if (!phone.trim() || (await phoneCheck.whenReady(phone, country)) === false) {
      inFlight.current = false;
      return setErrors({ member_phone_number: invalidNumber() });
    }
    key.current ??= crypto.randomUUID();
    setSending(true);
    setErrors({});
    const response = await fetch("/api/call", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ target_id: targetId, member_phone_number: phone, member_country: country, idempotency_key: key.current, language }),
    }).catch(() => null);
    inFlight.current = false;
    setSending(false);
    const body = response ? await response.json().catch(() => ({})) : {};
    if (response?.status === 201 || response?.status === 200) return follow(body.status_url);
    // Refused: no call is live, so the next try is a new one. (Without an answer at all, the key stays: the call may exist.)
    if (response) key.current = null;
    setErrors(body.errors ?? { form: strings.ourFault });
  };

  // "Stop calling me": no recall is placed; the answer is the call's progress.
  const stopCalling = async () => {
    if (!statusUrlRef.current) return;
    const response = await fetch(statusUrlRef.current.replace(/\/status$/, "/stop"), { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }).catch(() => null);
    if (response?.ok) {
      const next = (await response.json()) as MemberProgress;
      setProgress(next);
      setRecallAt(null);
    }
  };

  const tryAgain = () => {
    setProgress(null);
    key.current = null;
  };

  if (progress) {
    return (
      <div className="rounded-lg bg-brand-50 p-5" data-testid="call-progress">
        <p role="status" aria-live="polite" className="text-lg font-semibold text-brand-800" data-testid="call-progress-message">
          {progress.recall && recallAt ? strings.recallWaiting(formatCountdown((recallAt - now) / 1000), progress.recall.attempt, progress.recall.of) : progress.message}
        </p>
        {progress.canStop && (
          <button type="button" onClick={() => void stopCalling()} className="mt-4 rounded-md border border-brand-600 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-100">
            {strings.stopCalling}
          </button>
        )}
        {progress.followUpUrl && (
          <a href={progress.followUpUrl} className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            {strings.followUp}
          </a>
        )}
        {progress.feedbackToken && (
          <Suspense fallback={null}>
            <CallFeedback language={language} feedbackUrl={feedbackUrl} token={progress.feedbackToken} />
          </Suspense>
        )}
        {progress.done && !progress.connected && (
          <button type="button" onClick={tryAgain} className="mt-4 rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
            {strings.tryAgain}
          </button>
        )}
      </div>
    );
  }

  const fieldClass = (error: unknown) => `mt-1 block w-full rounded-md border px-3 py-2.5 text-base ${error ? "border-red-600" : "border-slate-400"}`;
  const targetError = errors.target_id ? (
    <p id="target_id-error" role="alert" className="mt-1 text-sm text-red-700">
      {errors.target_id}
    </p>
  ) : null;
  return (
    <form id="call-form" action="/api/call" method="post" onSubmit={submit} noValidate className="space-y-4">
      <input type="hidden" name="return_to" value={returnTo} />
      <input type="hidden" name="language" value={language} />
      {postcode && <input type="hidden" name="postcode" value={postcode} />}
      {targets.length > 1 ? (
        <fieldset aria-describedby={errors.target_id ? "target_id-error" : undefined} aria-invalid={errors.target_id ? true : undefined}>
          <legend className="font-semibold">{strings.chooseTarget}</legend>
          <div className="mt-2 space-y-1.5">
            {targets.map((target) => (
              <label key={target.id} className="flex items-start gap-2">
                <input
                  type="radio"
                  name="target_id"
                  value={target.id}
                  checked={targetId === target.id}
                  onChange={() => {
                    setTargetId(target.id);
                    setErrors((current) => ({ ...current, target_id: "" }));
                  }}
                  aria-describedby={errors.target_id ? "target_id-error" : undefined}
                  className="mt-1.5"
                />
                <span>
                  <span className="font-medium">{target.name}</span>
                  {target.title && <span className="text-slate-600">, {target.title}</span>}
                </span>
              </label>
            ))}
          </div>
          {targetError}
        </fieldset>
      ) : (
        <>
          <input type="hidden" name="target_id" value={targetId} />
          {targetError}
        </>
      )}
      <div className="grid gap-3 sm:grid-cols-[11rem_1fr]">
        <label className="block text-sm font-medium">
          {strings.country}
          <select name="member_country" value={country} onChange={(event) => setCountry(event.target.value)} className={fieldClass(false)}>
            {countries.map((code) => (
              <option key={code} value={code}>
                {names.of(code) ?? code}
              </option>
            ))}
          </select>
        </label>
        <div>
          <label htmlFor="member_phone_number" className="block text-sm font-medium">
            {strings.yourNumber}
          </label>
          <input
            id="member_phone_number"
            name="member_phone_number"
            type="tel"
            autoComplete="tel"
            inputMode="tel"
            value={phone}
            onChange={(event) => {
              setPhone(event.target.value);
              phoneCheck.prepare(); // autofill can fill the field without focusing it
              setErrors((current) => ({ ...current, member_phone_number: "" }));
            }}
            onFocus={phoneCheck.prepare}
            onBlur={() => setTouched(true)}
            aria-invalid={phoneError ? true : undefined}
            aria-describedby={phoneError ? "member_phone_number-error" : undefined}
            className={fieldClass(phoneError)}
          />
          {phoneError && (
            <p id="member_phone_number-error" className="mt-1 text-sm text-red-700">
              {phoneError}
            </p>
          )}
        </div>
      </div>
      {errors.form && (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      )}
      <button type="submit" disabled={sending} className="w-full rounded-md bg-brand-600 px-4 py-3 text-lg font-semibold text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto">
        {strings.callMe}
      </button>
    </form>
  );
}
