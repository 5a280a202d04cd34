import type { Language } from "./languages";

/**
 * What the phone says, besides the campaigner's message and menu (whose
 * defaults are in languages.ts), in each page language.
 */
export type PhoneStrings = {
  notAnOption: string;
  goodbyeNoChoice: string;
  goodbyeWrongKeys: string;
  targetBusyRetry: (target: string) => string;
  targetNoAnswerRetry: (target: string) => string;
  targetNotReached: (target: string) => string;
  thanksForCalling: string;
  unknownCall: string;
  /** Before the message on a recall: how to stop them. */
  recallIntro: string;
  /** After 9 on a recall. */
  recallsStopped: string;
  /** Before the first of several targets: how many, and that * moves on. */
  sequenceIntro: (total: number) => string;
  /** The bridge between two targets of one call. */
  nextTarget: (target: string) => string;
  /** Before moving on from a target who wasn't reached. */
  couldNotReach: (target: string) => string;
  /** While the app waits to redial a busy line; keys are heard throughout. */
  busyWaiting: (target: string, seconds: number) => string;
};

export const PHONE_STRINGS: Record<Language, PhoneStrings> = {
  en: {
    notAnOption: "That isn't an option.",
    goodbyeNoChoice: "We didn't hear a choice, so we'll end the call here. Goodbye.",
    goodbyeWrongKeys: "The keys you pressed aren't options, so we'll end the call here. Goodbye.",
    targetBusyRetry: (target) => `${target}'s line is busy. Press 1 to try again, or hang up.`,
    targetNoAnswerRetry: (target) => `${target} didn't pick up. Press 1 to try again, or hang up.`,
    targetNotReached: (target) => `We couldn't reach ${target} this time. Goodbye.`,
    thanksForCalling: "Thank you for making the call. Goodbye.",
    unknownCall: "Sorry, we couldn't find this call. Goodbye.",
    recallIntro: "We're calling you back, as you asked us to call you. Press 9 at any time if you don't want us to call again.",
    recallsStopped: "We won't call you again. Goodbye.",
    sequenceIntro: (total) => `We'll put you through to ${total} people in turn. Press star at any time to move on to the next.`,
    nextTarget: (target) => `Next, ${target}.`,
    couldNotReach: (target) => `We couldn't reach ${target}.`,
    busyWaiting: (target, seconds) => `${target}'s line is busy. Stay on the line: we'll try again in ${seconds} seconds. Press 1 to stop waiting.`,
  },
  fr: {
    notAnOption: "Ce choix n'existe pas.",
    goodbyeNoChoice: "Nous n'avons pas entendu de choix ; nous mettons fin à l'appel. Au revoir.",
    goodbyeWrongKeys: "Les touches choisies ne correspondent à aucun choix ; nous mettons fin à l'appel. Au revoir.",
    targetBusyRetry: (target) => `La ligne de ${target} est occupée. Appuyez sur 1 pour réessayer, ou raccrochez.`,
    targetNoAnswerRetry: (target) => `${target} n'a pas décroché. Appuyez sur 1 pour réessayer, ou raccrochez.`,
    targetNotReached: (target) => `Nous n'avons pas pu joindre ${target} cette fois-ci. Au revoir.`,
    thanksForCalling: "Merci d'avoir appelé. Au revoir.",
    unknownCall: "Désolé, nous ne trouvons pas cet appel. Au revoir.",
    recallIntro: "Nous vous rappelons, comme vous nous l'avez demandé. Appuyez sur 9 à tout moment si vous ne voulez plus être rappelé.",
    recallsStopped: "Nous ne vous rappellerons plus. Au revoir.",
    sequenceIntro: (total) => `Nous allons vous mettre en relation avec ${total} personnes, l'une après l'autre. Appuyez sur étoile à tout moment pour passer à la suivante.`,
    nextTarget: (target) => `Ensuite, ${target}.`,
    couldNotReach: (target) => `Nous n'avons pas pu joindre ${target}.`,
    busyWaiting: (target, seconds) => `La ligne de ${target} est occupée. Restez en ligne : nous réessayons dans ${seconds} secondes. Appuyez sur 1 pour ne plus attendre.`,
  },
  de: {
    notAnOption: "Diese Taste ist keine Auswahl.",
    goodbyeNoChoice: "Wir haben keine Auswahl gehört und beenden den Anruf. Auf Wiederhören.",
    goodbyeWrongKeys: "Die gedrückten Tasten sind keine Auswahl; wir beenden den Anruf. Auf Wiederhören.",
    targetBusyRetry: (target) => `Bei ${target} ist besetzt. Drücken Sie 1 für einen neuen Versuch, oder legen Sie auf.`,
    targetNoAnswerRetry: (target) => `${target} hat nicht abgenommen. Drücken Sie 1 für einen neuen Versuch, oder legen Sie auf.`,
    targetNotReached: (target) => `Wir konnten ${target} diesmal nicht erreichen. Auf Wiederhören.`,
    thanksForCalling: "Danke für Ihren Anruf. Auf Wiederhören.",
    unknownCall: "Entschuldigung, wir finden diesen Anruf nicht. Auf Wiederhören.",
    recallIntro: "Wir rufen Sie zurück, wie Sie es angefragt haben. Drücken Sie jederzeit die 9, wenn wir Sie nicht mehr anrufen sollen.",
    recallsStopped: "Wir rufen Sie nicht mehr an. Auf Wiederhören.",
    sequenceIntro: (total) => `Wir verbinden Sie nacheinander mit ${total} Personen. Drücken Sie jederzeit die Sterntaste, um zur nächsten zu wechseln.`,
    nextTarget: (target) => `Als Nächstes: ${target}.`,
    couldNotReach: (target) => `Wir konnten ${target} nicht erreichen.`,
    busyWaiting: (target, seconds) => `Bei ${target} ist besetzt. Bleiben Sie dran: Wir versuchen es in ${seconds} Sekunden erneut. Drücken Sie 1, um nicht länger zu warten.`,
  },
  es: {
    notAnOption: "Esa opción no existe.",
    goodbyeNoChoice: "No oímos ninguna opción, así que terminamos la llamada. Adiós.",
    goodbyeWrongKeys: "Las teclas que pulsó no son opciones, así que terminamos la llamada. Adiós.",
    targetBusyRetry: (target) => `La línea de ${target} está ocupada. Pulse 1 para volver a intentarlo, o cuelgue.`,
    targetNoAnswerRetry: (target) => `${target} no contestó. Pulse 1 para volver a intentarlo, o cuelgue.`,
    targetNotReached: (target) => `No pudimos hablar con ${target} esta vez. Adiós.`,
    thanksForCalling: "Gracias por llamar. Adiós.",
    unknownCall: "Lo sentimos, no encontramos esta llamada. Adiós.",
    recallIntro: "Le devolvemos la llamada que nos pidió. Pulse 9 en cualquier momento si no quiere que volvamos a llamarle.",
    recallsStopped: "No volveremos a llamarle. Adiós.",
    sequenceIntro: (total) => `Le pondremos en contacto con ${total} personas, una tras otra. Pulse asterisco en cualquier momento para pasar a la siguiente.`,
    nextTarget: (target) => `A continuación, ${target}.`,
    couldNotReach: (target) => `No pudimos hablar con ${target}.`,
    busyWaiting: (target, seconds) => `La línea de ${target} está ocupada. No cuelgue: volveremos a intentarlo en ${seconds} segundos. Pulse 1 para dejar de esperar.`,
  },
};

export function phoneStrings(language: string): PhoneStrings {
  return PHONE_STRINGS[(language in PHONE_STRINGS ? language : "en") as Language];
}
