import { postcodeStrings } from "@/lib/calltool/postcode-strings";
import type { PostcodeOutcome } from "@/lib/calltool/postcode";

type Props = { language: string; zip: boolean; postcode: string | null; outcome: PostcodeOutcome<unknown> | null };

/**
 * The postcode form: a plain GET form, no JavaScript. The address it leads
 * to (?postcode=…) is rendered for the visit by the page's dynamic twin,
 * which looks the postcode up; the cached page only ever has the empty form.
 */
export function PostcodeForm({ language, zip, postcode, outcome }: Props) {
  const strings = postcodeStrings(language);
  const shown = postcode?.toUpperCase() ?? "";
  const notFound = outcome && !outcome.found ? [outcome.reason === "invalid" ? strings.invalid(shown) : strings.unknown(shown), strings.fallback[outcome.fallback]].join(" ") : null;
  return (
    <div className="space-y-3">
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={strings.find}>
        <label className="block text-sm font-medium">
          {strings.label(zip)}
          <input
            name="postcode"
            defaultValue={postcode ?? ""}
            autoComplete="postal-code"
            maxLength={20}
            required
            aria-invalid={notFound ? true : undefined}
            aria-describedby={notFound ? "postcode-result" : undefined}
            className="mt-1 block w-40 rounded-md border border-slate-400 px-3 py-2.5 text-base uppercase"
          />
        </label>
        <button type="submit" className="rounded-md bg-slate-800 px-4 py-2.5 font-semibold text-white hover:bg-slate-900">
          {strings.find}
        </button>
      </form>
      {outcome && (
        <p id="postcode-result" role={notFound ? "alert" : "status"} className={notFound ? "text-sm text-red-800" : "font-medium"} data-testid="postcode-result">
          {notFound ?? strings.found(shown)}
        </p>
      )}
    </div>
  );
}
