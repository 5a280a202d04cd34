import type { Language } from "./languages";

/** What the member page says about postcodes, in each page language. */
export type PostcodeStrings = {
  label: (zip: boolean) => string;
  find: string;
  found: (postcode: string) => string;
  invalid: (postcode: string) => string;
  unknown: (postcode: string) => string;
  fallback: { random: string; pick: string; sorry: string };
};

export const POSTCODE_STRINGS: Record<Language, PostcodeStrings> = {
  en: {
    label: (zip) => (zip ? "Your ZIP code" : "Your postcode"),
    find: "Find who to call",
    found: (postcode) => `Who to call for ${postcode}:`,
    invalid: (postcode) => `“${postcode}” doesn't look like a postcode. Check it and try again.`,
    unknown: (postcode) => `We couldn't find ${postcode}.`,
    fallback: { random: "You can call this person instead:", pick: "Choose who to call instead:", sorry: "Sorry, we can only put you through for a postcode we know. Check it and try again." },
  },
  fr: {
    label: () => "Votre code postal",
    find: "Trouver qui appeler",
    found: (postcode) => `Qui appeler pour ${postcode} :`,
    invalid: (postcode) => `« ${postcode} » ne ressemble pas à un code postal. Vérifiez-le et réessayez.`,
    unknown: (postcode) => `Nous n'avons pas trouvé ${postcode}.`,
    fallback: { random: "Vous pouvez appeler cette personne à la place :", pick: "Choisissez qui appeler à la place :", sorry: "Désolé, nous ne pouvons vous mettre en relation que pour un code postal connu. Vérifiez-le et réessayez." },
  },
  de: {
    label: () => "Ihre Postleitzahl",
    find: "Ansprechperson finden",
    found: (postcode) => `Wen Sie für ${postcode} anrufen:`,
    invalid: (postcode) => `„${postcode}“ sieht nicht wie eine Postleitzahl aus. Prüfen Sie sie und versuchen Sie es noch einmal.`,
    unknown: (postcode) => `Wir haben ${postcode} nicht gefunden.`,
    fallback: { random: "Sie können stattdessen diese Person anrufen:", pick: "Wählen Sie stattdessen, wen Sie anrufen:", sorry: "Entschuldigung, wir verbinden nur bei einer bekannten Postleitzahl. Prüfen Sie sie und versuchen Sie es noch einmal." },
  },
  es: {
    label: () => "Su código postal",
    find: "Buscar a quién llamar",
    found: (postcode) => `A quién llamar para ${postcode}:`,
    invalid: (postcode) => `«${postcode}» no parece un código postal. Revíselo e inténtelo de nuevo.`,
    unknown: (postcode) => `No encontramos ${postcode}.`,
    fallback: { random: "Puede llamar a esta persona en su lugar:", pick: "Elija a quién llamar en su lugar:", sorry: "Lo sentimos, solo podemos conectarle con un código postal que conozcamos. Revíselo e inténtelo de nuevo." },
  },
};

export function postcodeStrings(language: string): PostcodeStrings {
  return POSTCODE_STRINGS[(language in POSTCODE_STRINGS ? language : "en") as Language];
}
