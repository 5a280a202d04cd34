import type { Language } from "./languages";

/**
 * What members read, in each page language. Functions take what varies.
 * The spoken prompts' defaults are in languages.ts.
 */
export type MemberStrings = {
  talkingPoints: string;
  yourNumber: string;
  country: string;
  callMe: string;
  chooseTarget: string;
  findTarget: string;
  noTargetMatches: string;
  invalidNumber: (country: string) => string;
  calling: (number: string) => string;
  answered: string;
  connectingTo: (target: string) => string;
  connected: string;
  ended: (duration: string | null) => string;
  noAnswer: string;
  busy: string;
  targetBusy: (target: string) => string;
  failed: (reason: string) => string;
  thanks: (target: string) => string;
  followUp: string;
  goodbye: string;
  targetRetry: (target: string) => string;
  thanksForCalling: string;
  unknownCall: string;
  limitReached: (minutes: number) => string;
  countryNotAllowed: string;
  numberRefused: string;
  blocked: string;
  /** Why Twilio would not place the call, in plain words. */
  reasons: { invalid: string; unreachable: string; country: string; unavailable: string; busy: string };
};

export const MEMBER_STRINGS: Record<Language, MemberStrings> = {
  en: {
    talkingPoints: "Talking points",
    yourNumber: "Your phone number",
    country: "Country",
    callMe: "Call me now",
    chooseTarget: "Who do you want to call?",
    findTarget: "Find who to call",
    noTargetMatches: "Nobody matches those choices. Try others.",
    invalidNumber: (country) => `This isn't a valid phone number for ${country}.`,
    calling: (number) => `Calling ${number} now. Answer your phone!`,
    answered: "Answered: listening to the message.",
    connectingTo: (target) => `Connecting you to ${target}…`,
    connected: "Connected. Thank you for speaking up!",
    ended: (duration) => (duration ? `Call ended (${duration}).` : "Call ended."),
    noAnswer: "You didn't answer, so the call has ended.",
    busy: "Your line was busy, so the call has ended.",
    targetBusy: (target) => `${target}'s line is busy.`,
    failed: (reason) => `The call couldn't be made: ${reason}`,
    thanks: (target) => `Thank you for calling ${target}!`,
    followUp: "What to do next",
    goodbye: "We didn't get a choice. Goodbye, and thank you.",
    targetRetry: (target) => `${target} didn't pick up. Press 1 to try again, or hang up.`,
    thanksForCalling: "Thank you for making the call. Goodbye.",
    unknownCall: "Sorry, we couldn't find this call. Goodbye.",
    limitReached: (minutes) => `You've reached the limit of calls for now. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    countryNotAllowed: "This campaign doesn't take calls from that country.",
    numberRefused: "This kind of number (premium-rate or shared-cost) can't be called.",
    blocked: "Calls to this number can't be made from this page.",
    reasons: { invalid: "this number isn't valid", unreachable: "this number can't be reached", country: "calls to this country are not enabled", unavailable: "our phone service isn't available right now; please try again later", busy: "we're placing a lot of calls right now; please try again in a minute" },
  },
  fr: {
    talkingPoints: "Arguments",
    yourNumber: "Votre numéro de téléphone",
    country: "Pays",
    callMe: "Appelez-moi",
    chooseTarget: "Qui voulez-vous appeler ?",
    findTarget: "Trouver qui appeler",
    noTargetMatches: "Personne ne correspond à ces choix. Essayez-en d'autres.",
    invalidNumber: (country) => `Ce numéro n'est pas valide pour ${country}.`,
    calling: (number) => `Nous appelons le ${number}. Décrochez !`,
    answered: "Décroché : écoute du message.",
    connectingTo: (target) => `Mise en relation avec ${target}…`,
    connected: "En ligne. Merci de faire entendre votre voix !",
    ended: (duration) => (duration ? `Appel terminé (${duration}).` : "Appel terminé."),
    noAnswer: "Vous n'avez pas répondu ; l'appel est terminé.",
    busy: "Votre ligne était occupée ; l'appel est terminé.",
    targetBusy: (target) => `La ligne de ${target} est occupée.`,
    failed: (reason) => `L'appel n'a pas pu aboutir : ${reason}`,
    thanks: (target) => `Merci d'avoir appelé ${target} !`,
    followUp: "Et maintenant",
    goodbye: "Nous n'avons pas reçu de choix. Au revoir et merci.",
    targetRetry: (target) => `${target} n'a pas décroché. Appuyez sur 1 pour réessayer, ou raccrochez.`,
    thanksForCalling: "Merci d'avoir appelé. Au revoir.",
    unknownCall: "Désolé, nous ne trouvons pas cet appel. Au revoir.",
    limitReached: (minutes) => `Vous avez atteint la limite d'appels. Réessayez dans ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    countryNotAllowed: "Cette campagne n'accepte pas les appels depuis ce pays.",
    numberRefused: "Ce type de numéro (surtaxé ou partagé) ne peut pas être appelé.",
    blocked: "Ce numéro ne peut pas être appelé depuis cette page.",
    reasons: { invalid: "ce numéro n'est pas valide", unreachable: "ce numéro est injoignable", country: "les appels vers ce pays ne sont pas activés", unavailable: "notre service téléphonique est indisponible ; réessayez plus tard", busy: "nous passons beaucoup d'appels en ce moment ; réessayez dans une minute" },
  },
  de: {
    talkingPoints: "Gesprächspunkte",
    yourNumber: "Ihre Telefonnummer",
    country: "Land",
    callMe: "Jetzt anrufen lassen",
    chooseTarget: "Wen möchten Sie anrufen?",
    findTarget: "Ansprechperson finden",
    noTargetMatches: "Niemand passt zu dieser Auswahl. Versuchen Sie eine andere.",
    invalidNumber: (country) => `Diese Nummer ist für ${country} nicht gültig.`,
    calling: (number) => `Wir rufen ${number} an. Bitte gehen Sie ran!`,
    answered: "Angenommen: Sie hören die Nachricht.",
    connectingTo: (target) => `Wir verbinden Sie mit ${target}…`,
    connected: "Verbunden. Danke, dass Sie sich einsetzen!",
    ended: (duration) => (duration ? `Anruf beendet (${duration}).` : "Anruf beendet."),
    noAnswer: "Sie haben nicht abgenommen; der Anruf ist beendet.",
    busy: "Ihre Leitung war besetzt; der Anruf ist beendet.",
    targetBusy: (target) => `Bei ${target} ist besetzt.`,
    failed: (reason) => `Der Anruf war nicht möglich: ${reason}`,
    thanks: (target) => `Danke für Ihren Anruf bei ${target}!`,
    followUp: "Wie es weitergeht",
    goodbye: "Wir haben keine Auswahl erhalten. Auf Wiederhören und danke.",
    targetRetry: (target) => `${target} hat nicht abgenommen. Drücken Sie 1 für einen neuen Versuch, oder legen Sie auf.`,
    thanksForCalling: "Danke für Ihren Anruf. Auf Wiederhören.",
    unknownCall: "Entschuldigung, wir finden diesen Anruf nicht. Auf Wiederhören.",
    limitReached: (minutes) => `Sie haben die Zahl der Anrufe erreicht. Bitte versuchen Sie es in ${minutes} Minute${minutes === 1 ? "" : "n"} wieder.`,
    countryNotAllowed: "Diese Kampagne nimmt keine Anrufe aus diesem Land an.",
    numberRefused: "Diese Art von Nummer (Mehrwert- oder Sonderrufnummer) kann nicht angerufen werden.",
    blocked: "Diese Nummer kann von dieser Seite aus nicht angerufen werden.",
    reasons: { invalid: "diese Nummer ist nicht gültig", unreachable: "diese Nummer ist nicht erreichbar", country: "Anrufe in dieses Land sind nicht freigeschaltet", unavailable: "unser Telefondienst ist gerade nicht verfügbar; bitte versuchen Sie es später", busy: "wir führen gerade sehr viele Anrufe; bitte versuchen Sie es in einer Minute" },
  },
  es: {
    talkingPoints: "Argumentos",
    yourNumber: "Su número de teléfono",
    country: "País",
    callMe: "Llámenme ahora",
    chooseTarget: "¿A quién quiere llamar?",
    findTarget: "Buscar a quién llamar",
    noTargetMatches: "Nadie coincide con esa selección. Pruebe otra.",
    invalidNumber: (country) => `Este número no es válido para ${country}.`,
    calling: (number) => `Llamando al ${number}. ¡Conteste el teléfono!`,
    answered: "Contestado: escuchando el mensaje.",
    connectingTo: (target) => `Conectándole con ${target}…`,
    connected: "Conectado. ¡Gracias por alzar la voz!",
    ended: (duration) => (duration ? `Llamada terminada (${duration}).` : "Llamada terminada."),
    noAnswer: "No contestó, así que la llamada ha terminado.",
    busy: "Su línea estaba ocupada, así que la llamada ha terminado.",
    targetBusy: (target) => `La línea de ${target} está ocupada.`,
    failed: (reason) => `No se pudo hacer la llamada: ${reason}`,
    thanks: (target) => `¡Gracias por llamar a ${target}!`,
    followUp: "Qué hacer ahora",
    goodbye: "No recibimos ninguna opción. Adiós y gracias.",
    targetRetry: (target) => `${target} no contestó. Pulse 1 para volver a intentarlo, o cuelgue.`,
    thanksForCalling: "Gracias por llamar. Adiós.",
    unknownCall: "Lo sentimos, no encontramos esta llamada. Adiós.",
    limitReached: (minutes) => `Ha alcanzado el límite de llamadas. Vuelva a intentarlo en ${minutes} minuto${minutes === 1 ? "" : "s"}.`,
    countryNotAllowed: "Esta campaña no acepta llamadas desde ese país.",
    numberRefused: "Este tipo de número (tarifa especial o compartida) no se puede llamar.",
    blocked: "Este número no se puede llamar desde esta página.",
    reasons: { invalid: "este número no es válido", unreachable: "no se puede contactar con este número", country: "las llamadas a este país no están habilitadas", unavailable: "nuestro servicio telefónico no está disponible; inténtelo más tarde", busy: "estamos haciendo muchas llamadas; inténtelo dentro de un minuto" },
  },
};

export function memberStrings(language: string): MemberStrings {
  return MEMBER_STRINGS[(language in MEMBER_STRINGS ? language : "en") as Language];
}

/** A Twilio refusal, for the member. */
export function refusalReason(strings: MemberStrings, code: number, status: number): string {
  if ([21211, 13223, 13224, 13226].includes(code)) return strings.reasons.invalid;
  if ([21214, 21216, 13225].includes(code)) return strings.reasons.unreachable;
  if (code === 21215) return strings.reasons.country;
  if (code === 20429 || status === 429) return strings.reasons.busy;
  return strings.reasons.unavailable;
}
