import { LANGUAGE_NAMES, LANGUAGES } from "@/lib/calltool/languages";
import { Field } from "./field";

export function LanguageField({ defaultValue, error, hint }: { defaultValue: string; error?: string; hint?: string }) {
  return (
    <Field label="Language" name="language" error={error} hint={hint}>
      <select id="language" name="language" defaultValue={defaultValue} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </Field>
  );
}
