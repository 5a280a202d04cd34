import type { Language } from "../calltool/languages";

/** The public counter's words per page language: "1,234 calls made", "1,234 of 5,000 calls made". */
const WORDS: Record<Language, { made: (count: string, n: number) => string; ofGoal: (count: string, goal: string) => string }> = {
  en: { made: (count, n) => `${count} ${n === 1 ? "call" : "calls"} made`, ofGoal: (count, goal) => `${count} of ${goal} calls made` },
  fr: { made: (count, n) => `${count} ${n > 1 ? "appels passés" : "appel passé"}`, ofGoal: (count, goal) => `${count} appels passés sur ${goal}` },
  de: { made: (count, n) => `${count} ${n === 1 ? "Anruf" : "Anrufe"} geführt`, ofGoal: (count, goal) => `${count} von ${goal} Anrufen geführt` },
  es: { made: (count, n) => `${count} ${n === 1 ? "llamada hecha" : "llamadas hechas"}`, ofGoal: (count, goal) => `${count} de ${goal} llamadas hechas` },
};

export function counterText(language: string, total: number, goal: number | null): string {
  const words = WORDS[language as Language] ?? WORDS.en;
  const format = new Intl.NumberFormat(language);
  return goal ? words.ofGoal(format.format(total), format.format(goal)) : words.made(format.format(total), total);
}
