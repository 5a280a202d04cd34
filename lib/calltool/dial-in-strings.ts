import type { Language } from "./languages";
import type { MemberNumberRefusal } from "./member-number";

/** What the phone says to a member who dials the call tool's number, before the usual menu, in each page language. */
export type DialInStrings = {
  notTakingCalls: string;
  refused: Record<MemberNumberRefusal | "limit" | "live", string>;
  pick: (choices: { key: number; name: string; title: string }[], finishWithHash: boolean) => string;
  putThrough: (target: string) => string;
  postcodePrompt: (zip: boolean) => string;
  postcodeNotFound: string;
  tryAgain: string;
  chooseInstead: string;
  sorryNoPostcode: string;
  nobodyToCall: string;
};

const withTitle = (name: string, title: string) => (title ? `${name}, ${title}` : name);

export const DIAL_IN_STRINGS: Record<Language, DialInStrings> = {
  en: {
    notTakingCalls: "Sorry, this number isn't taking calls right now. Goodbye.",
    refused: {
      invalid: "Sorry, we can't take calls from a withheld or unrecognised number. Goodbye.",
      country: "Sorry, this campaign can't take calls from your country. Goodbye.",
      premium: "Sorry, we can't take calls from this kind of number. Goodbye.",
      type: "Sorry, we can't take calls from this kind of number. Goodbye.",
      blocked: "Sorry, we can't take your call. Goodbye.",
      limit: "You've made as many calls today as this campaign allows. Thank you, and please try again tomorrow. Goodbye.",
      live: "You already have a call in progress with this campaign. Goodbye.",
    },
    pick: (choices, hash) => `${choices.map((c) => `For ${withTitle(c.name, c.title)}, press ${c.key}.`).join(" ")}${hash ? " Then press hash." : ""}`,
    putThrough: (target) => `You're calling ${target}.`,
    postcodePrompt: (zip) => `Please enter your ${zip ? "ZIP code" : "postcode"} on the keypad. For a letter, press the key that shows it. Then press hash.`,
    postcodeNotFound: "We couldn't find that postcode.",
    tryAgain: "Please try again.",
    chooseInstead: "Please choose who to call.",
    sorryNoPostcode: "Sorry, we can only connect callers whose postcode we know. Goodbye.",
    nobodyToCall: "Sorry, there is nobody to call right now. Goodbye.",
  },
  fr: {
    notTakingCalls: "Désolé, ce numéro ne prend pas d'appels pour le moment. Au revoir.",
    refused: {
      invalid: "Désolé, nous ne prenons pas les appels d'un numéro masqué ou inconnu. Au revoir.",
      country: "Désolé, cette campagne ne prend pas les appels de votre pays. Au revoir.",
      premium: "Désolé, nous ne prenons pas les appels de ce type de numéro. Au revoir.",
      type: "Désolé, nous ne prenons pas les appels de ce type de numéro. Au revoir.",
      blocked: "Désolé, nous ne pouvons pas prendre votre appel. Au revoir.",
      limit: "Vous avez passé aujourd'hui autant d'appels que cette campagne le permet. Merci, et réessayez demain. Au revoir.",
      live: "Vous avez déjà un appel en cours avec cette campagne. Au revoir.",
    },
    pick: (choices, hash) => `${choices.map((c) => `Pour ${withTitle(c.name, c.title)}, appuyez sur ${c.key}.`).join(" ")}${hash ? " Puis appuyez sur dièse." : ""}`,
    putThrough: (target) => `Vous appelez ${target}.`,
    postcodePrompt: () => "Tapez votre code postal sur le clavier, puis appuyez sur dièse. Pour une lettre, appuyez sur la touche qui la porte.",
    postcodeNotFound: "Nous n'avons pas trouvé ce code postal.",
    tryAgain: "Veuillez réessayer.",
    chooseInstead: "Choisissez qui appeler.",
    sorryNoPostcode: "Désolé, nous ne pouvons mettre en relation que les personnes dont nous connaissons le code postal. Au revoir.",
    nobodyToCall: "Désolé, il n'y a personne à appeler pour le moment. Au revoir.",
  },
  de: {
    notTakingCalls: "Entschuldigung, diese Nummer nimmt gerade keine Anrufe an. Auf Wiederhören.",
    refused: {
      invalid: "Entschuldigung, Anrufe mit unterdrückter oder unbekannter Nummer können wir nicht annehmen. Auf Wiederhören.",
      country: "Entschuldigung, diese Kampagne nimmt keine Anrufe aus Ihrem Land an. Auf Wiederhören.",
      premium: "Entschuldigung, Anrufe von dieser Art Nummer können wir nicht annehmen. Auf Wiederhören.",
      type: "Entschuldigung, Anrufe von dieser Art Nummer können wir nicht annehmen. Auf Wiederhören.",
      blocked: "Entschuldigung, wir können Ihren Anruf nicht annehmen. Auf Wiederhören.",
      limit: "Sie haben heute so viele Anrufe gemacht, wie diese Kampagne erlaubt. Danke, und versuchen Sie es morgen wieder. Auf Wiederhören.",
      live: "Sie haben bei dieser Kampagne schon einen laufenden Anruf. Auf Wiederhören.",
    },
    pick: (choices, hash) => `${choices.map((c) => `Für ${withTitle(c.name, c.title)} drücken Sie ${c.key}.`).join(" ")}${hash ? " Dann die Raute." : ""}`,
    putThrough: (target) => `Sie rufen ${target} an.`,
    postcodePrompt: () => "Bitte geben Sie Ihre Postleitzahl über die Tastatur ein und drücken Sie dann die Raute.",
    postcodeNotFound: "Diese Postleitzahl haben wir nicht gefunden.",
    tryAgain: "Bitte versuchen Sie es noch einmal.",
    chooseInstead: "Bitte wählen Sie, wen Sie anrufen.",
    sorryNoPostcode: "Entschuldigung, wir können nur Anrufende verbinden, deren Postleitzahl wir kennen. Auf Wiederhören.",
    nobodyToCall: "Entschuldigung, gerade ist niemand anzurufen. Auf Wiederhören.",
  },
  es: {
    notTakingCalls: "Lo sentimos, este número no atiende llamadas ahora. Adiós.",
    refused: {
      invalid: "Lo sentimos, no atendemos llamadas de números ocultos o desconocidos. Adiós.",
      country: "Lo sentimos, esta campaña no atiende llamadas de su país. Adiós.",
      premium: "Lo sentimos, no atendemos llamadas de este tipo de número. Adiós.",
      type: "Lo sentimos, no atendemos llamadas de este tipo de número. Adiós.",
      blocked: "Lo sentimos, no podemos atender su llamada. Adiós.",
      limit: "Hoy ya hizo todas las llamadas que permite esta campaña. Gracias, y vuelva a intentarlo mañana. Adiós.",
      live: "Ya tiene una llamada en curso con esta campaña. Adiós.",
    },
    pick: (choices, hash) => `${choices.map((c) => `Para ${withTitle(c.name, c.title)}, pulse ${c.key}.`).join(" ")}${hash ? " Luego pulse almohadilla." : ""}`,
    putThrough: (target) => `Va a llamar a ${target}.`,
    postcodePrompt: () => "Marque su código postal en el teclado y luego pulse almohadilla. Para una letra, pulse la tecla que la muestra.",
    postcodeNotFound: "No encontramos ese código postal.",
    tryAgain: "Inténtelo de nuevo.",
    chooseInstead: "Elija a quién llamar.",
    sorryNoPostcode: "Lo sentimos, solo podemos conectar a quienes tienen un código postal que conocemos. Adiós.",
    nobodyToCall: "Lo sentimos, ahora no hay nadie a quien llamar. Adiós.",
  },
};

export function dialInStrings(language: string): DialInStrings {
  return DIAL_IN_STRINGS[(language in DIAL_IN_STRINGS ? language : "en") as Language];
}
