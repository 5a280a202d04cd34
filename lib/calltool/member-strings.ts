import type { Language } from "./languages";

/**
 * What members read on the page, in each page language. Functions take what
 * varies. What the phone says is in phone-strings.ts.
 */
export type MemberStrings = {
  talkingPoints: string;
  yourNumber: string;
  country: string;
  callMe: string;
  chooseTarget: string;
  noTargetChosen: string;
  findTarget: string;
  noTargetMatches: string;
  invalidNumber: (country: string) => string;
  enterNumber: string;
  tryAgain: string;
  followUp: string;
  // The call as it goes
  waiting: (seconds: number) => string;
  placing: string;
  calling: (number: string) => string;
  answered: string;
  connectingTo: (target: string) => string;
  retryBusy: (target: string) => string;
  retryNoAnswer: (target: string) => string;
  talking: (target: string) => string;
  /** One call, several targets: "2 of 3: calling Tom Bell". */
  sequenceCalling: (n: number, total: number, target: string) => string;
  sequenceTalking: (n: number, total: number, target: string) => string;
  /** Waiting out a busy line: the redial under way or next, of at most `of`. */
  busyRedialing: (target: string, redial: number, of: number) => string;
  // How it ended
  connected: (target: string, duration: string) => string;
  /** Talked to several targets in one call: their names as a list, the talk time in all. */
  connectedSeveral: (targets: string, duration: string) => string;
  memberNoAnswer: string;
  memberBusy: string;
  targetBusy: (target: string) => string;
  targetNoAnswer: (target: string) => string;
  targetFailed: (target: string) => string;
  hungUpBeforeConnected: string;
  noValidChoice: string;
  failed: (reason: string) => string;
  unknown: string;
  // Recalls
  /** "1:45" until the next call, which is call `attempt` of `of`. */
  recallWaiting: (countdown: string, attempt: number, of: number) => string;
  recallCalling: (number: string, attempt: number, of: number) => string;
  stopCalling: string;
  recallsStopped: string;
  // Refusals
  limitReached: (minutes: number) => string;
  countryNotAllowed: string;
  premiumRate: string;
  numberTypeRefused: string;
  blocked: string;
  notTakingCalls: string;
  veryBusy: string;
  noCallerId: string;
  ourFault: string;
  /** Why a call could not be placed, in plain words. */
  reasons: { invalid: string; unreachable: string; country: string; unavailable: string; busy: string; callerId: string; notPlaced: string };
};

export const MEMBER_STRINGS: Record<Language, MemberStrings> = {
  en: {
    talkingPoints: "Talking points",
    yourNumber: "Your phone number",
    country: "Country",
    callMe: "Call me now",
    chooseTarget: "Who do you want to call?",
    noTargetChosen: "Choose who to call.",
    findTarget: "Find who to call",
    noTargetMatches: "Nobody matches those choices. Try others.",
    invalidNumber: (country) => `This isn't a valid phone number for ${country}.`,
    enterNumber: "Enter your phone number.",
    tryAgain: "Try again",
    followUp: "What to do next",
    waiting: (seconds) => `You're in line: your phone will ring in about ${seconds} second${seconds === 1 ? "" : "s"}.`,
    placing: "Placing your call…",
    calling: (number) => `Calling ${number} now. Answer your phone!`,
    answered: "Answered: listening to the message.",
    connectingTo: (target) => `Connecting you to ${target}…`,
    retryBusy: (target) => `${target}'s line is busy. Press 1 on your phone to try again.`,
    retryNoAnswer: (target) => `${target} didn't pick up. Press 1 on your phone to try again.`,
    talking: (target) => `Connected to ${target}. Thank you for speaking up!`,
    connected: (target, duration) => `You talked to ${target} for ${duration}. Thank you for calling!`,
    sequenceCalling: (n, total, target) => `${n} of ${total}: calling ${target}…`,
    sequenceTalking: (n, total, target) => `${n} of ${total}: talking to ${target}. Press * on your phone to move on.`,
    busyRedialing: (target, redial, of) => `${target}'s line is busy: trying again (${redial} of ${of}). Press 1 on your phone to stop waiting.`,
    connectedSeveral: (targets, duration) => `You talked to ${targets}, ${duration} in all. Thank you for calling!`,
    memberNoAnswer: "You didn't answer, so the call has ended.",
    memberBusy: "Your line was busy, so the call has ended.",
    targetBusy: (target) => `${target}'s line was busy, so you weren't put through.`,
    targetNoAnswer: (target) => `${target} didn't pick up, so you weren't put through.`,
    targetFailed: (target) => `We couldn't get through to ${target}'s line.`,
    hungUpBeforeConnected: "You hung up before being put through.",
    noValidChoice: "We didn't get a valid choice on the phone, so the call ended.",
    failed: (reason) => `The call couldn't be made: ${reason}`,
    unknown: "We couldn't find out how your call went.",
    recallWaiting: (countdown, attempt, of) => `We couldn't reach you. We'll call you again in ${countdown}, attempt ${attempt} of ${of}.`,
    recallCalling: (number, attempt, of) => `Calling ${number} again, attempt ${attempt} of ${of}. Answer your phone!`,
    stopCalling: "Stop calling me",
    recallsStopped: "We won't call you again.",
    limitReached: (minutes) => `You've reached the limit of calls for now. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    countryNotAllowed: "This campaign doesn't take calls from that country.",
    premiumRate: "This kind of number (premium-rate or shared-cost) can't be called.",
    numberTypeRefused: "This kind of number can't be called from this page. Please use a mobile or landline number.",
    blocked: "Calls to this number can't be made from this page.",
    notTakingCalls: "This target isn't taking calls.",
    veryBusy: "We're very busy right now. Please try again in a minute.",
    noCallerId: "This campaign can't place calls yet. Please try again later.",
    ourFault: "Something went wrong on our side. Please try again in a minute.",
    reasons: {
      invalid: "this number isn't valid",
      unreachable: "this number can't be reached",
      country: "calls to this country are not enabled",
      unavailable: "our phone service isn't available right now; please try again later",
      busy: "we're placing a lot of calls right now; please try again in a minute",
      callerId: "this campaign's caller ID isn't verified with our phone provider; the campaign team needs to fix it",
      notPlaced: "our phone provider never placed it; please try again",
    },
  },
  fr: {
    talkingPoints: "Arguments",
    yourNumber: "Votre numéro de téléphone",
    country: "Pays",
    callMe: "Appelez-moi",
    chooseTarget: "Qui voulez-vous appeler ?",
    noTargetChosen: "Choisissez qui appeler.",
    findTarget: "Trouver qui appeler",
    noTargetMatches: "Personne ne correspond à ces choix. Essayez-en d'autres.",
    invalidNumber: (country) => `Ce numéro n'est pas valide pour ${country}.`,
    enterNumber: "Saisissez votre numéro de téléphone.",
    tryAgain: "Réessayer",
    followUp: "Et maintenant",
    waiting: (seconds) => `Vous êtes dans la file : votre téléphone sonnera dans ${seconds} seconde${seconds > 1 ? "s" : ""} environ.`,
    placing: "Lancement de votre appel…",
    calling: (number) => `Nous appelons le ${number}. Décrochez !`,
    answered: "Décroché : écoute du message.",
    connectingTo: (target) => `Mise en relation avec ${target}…`,
    retryBusy: (target) => `La ligne de ${target} est occupée. Appuyez sur 1 sur votre téléphone pour réessayer.`,
    retryNoAnswer: (target) => `${target} n'a pas décroché. Appuyez sur 1 sur votre téléphone pour réessayer.`,
    talking: (target) => `En ligne avec ${target}. Merci de faire entendre votre voix !`,
    connected: (target, duration) => `Vous avez parlé à ${target} pendant ${duration}. Merci d'avoir appelé !`,
    sequenceCalling: (n, total, target) => `${n} sur ${total} : appel de ${target}…`,
    sequenceTalking: (n, total, target) => `${n} sur ${total} : vous parlez à ${target}. Appuyez sur * pour passer à la suite.`,
    busyRedialing: (target, redial, of) => `La ligne de ${target} est occupée : nouvel essai (${redial} sur ${of}). Appuyez sur 1 pour ne plus attendre.`,
    connectedSeveral: (targets, duration) => `Vous avez parlé à ${targets}, ${duration} en tout. Merci d'avoir appelé !`,
    memberNoAnswer: "Vous n'avez pas répondu ; l'appel est terminé.",
    memberBusy: "Votre ligne était occupée ; l'appel est terminé.",
    targetBusy: (target) => `La ligne de ${target} était occupée ; vous n'avez pas été mis en relation.`,
    targetNoAnswer: (target) => `${target} n'a pas décroché ; vous n'avez pas été mis en relation.`,
    targetFailed: (target) => `Nous n'avons pas pu joindre la ligne de ${target}.`,
    hungUpBeforeConnected: "Vous avez raccroché avant la mise en relation.",
    noValidChoice: "Nous n'avons pas reçu de choix valable au téléphone ; l'appel est terminé.",
    failed: (reason) => `L'appel n'a pas pu aboutir : ${reason}`,
    unknown: "Nous n'avons pas pu savoir comment s'est passé votre appel.",
    recallWaiting: (countdown, attempt, of) => `Nous n'avons pas pu vous joindre. Nous vous rappellerons dans ${countdown}, tentative ${attempt} sur ${of}.`,
    recallCalling: (number, attempt, of) => `Nous rappelons le ${number}, tentative ${attempt} sur ${of}. Décrochez !`,
    stopCalling: "Ne plus m'appeler",
    recallsStopped: "Nous ne vous rappellerons plus.",
    limitReached: (minutes) => `Vous avez atteint la limite d'appels. Réessayez dans ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    countryNotAllowed: "Cette campagne n'accepte pas les appels depuis ce pays.",
    premiumRate: "Ce type de numéro (surtaxé ou partagé) ne peut pas être appelé.",
    numberTypeRefused: "Ce type de numéro ne peut pas être appelé depuis cette page. Utilisez un numéro mobile ou fixe.",
    blocked: "Ce numéro ne peut pas être appelé depuis cette page.",
    notTakingCalls: "Cette personne ne reçoit pas d'appels.",
    veryBusy: "Nous sommes très sollicités en ce moment. Réessayez dans une minute.",
    noCallerId: "Cette campagne ne peut pas encore passer d'appels. Réessayez plus tard.",
    ourFault: "Un problème est survenu de notre côté. Réessayez dans une minute.",
    reasons: {
      invalid: "ce numéro n'est pas valide",
      unreachable: "ce numéro est injoignable",
      country: "les appels vers ce pays ne sont pas activés",
      unavailable: "notre service téléphonique est indisponible ; réessayez plus tard",
      busy: "nous passons beaucoup d'appels en ce moment ; réessayez dans une minute",
      callerId: "le numéro d'appel de cette campagne n'est pas vérifié auprès de notre opérateur ; l'équipe de campagne doit le corriger",
      notPlaced: "notre opérateur ne l'a jamais lancé ; réessayez",
    },
  },
  de: {
    talkingPoints: "Gesprächspunkte",
    yourNumber: "Ihre Telefonnummer",
    country: "Land",
    callMe: "Jetzt anrufen lassen",
    chooseTarget: "Wen möchten Sie anrufen?",
    noTargetChosen: "Wählen Sie, wen Sie anrufen möchten.",
    findTarget: "Ansprechperson finden",
    noTargetMatches: "Niemand passt zu dieser Auswahl. Versuchen Sie eine andere.",
    invalidNumber: (country) => `Diese Nummer ist für ${country} nicht gültig.`,
    enterNumber: "Geben Sie Ihre Telefonnummer ein.",
    tryAgain: "Noch einmal versuchen",
    followUp: "Wie es weitergeht",
    waiting: (seconds) => `Sie sind in der Warteschlange: Ihr Telefon klingelt in etwa ${seconds} Sekunde${seconds === 1 ? "" : "n"}.`,
    placing: "Ihr Anruf wird gestartet…",
    calling: (number) => `Wir rufen ${number} an. Bitte gehen Sie ran!`,
    answered: "Angenommen: Sie hören die Nachricht.",
    connectingTo: (target) => `Wir verbinden Sie mit ${target}…`,
    retryBusy: (target) => `Bei ${target} ist besetzt. Drücken Sie 1 auf Ihrem Telefon für einen neuen Versuch.`,
    retryNoAnswer: (target) => `${target} hat nicht abgenommen. Drücken Sie 1 auf Ihrem Telefon für einen neuen Versuch.`,
    talking: (target) => `Verbunden mit ${target}. Danke, dass Sie sich einsetzen!`,
    connected: (target, duration) => `Sie haben ${duration} mit ${target} gesprochen. Danke für Ihren Anruf!`,
    sequenceCalling: (n, total, target) => `${n} von ${total}: ${target} wird angerufen…`,
    sequenceTalking: (n, total, target) => `${n} von ${total}: Sie sprechen mit ${target}. Drücken Sie *, um weiterzugehen.`,
    busyRedialing: (target, redial, of) => `Bei ${target} ist besetzt: neuer Versuch (${redial} von ${of}). Drücken Sie 1, um nicht länger zu warten.`,
    connectedSeveral: (targets, duration) => `Sie haben mit ${targets} gesprochen, insgesamt ${duration}. Danke für Ihren Anruf!`,
    memberNoAnswer: "Sie haben nicht abgenommen; der Anruf ist beendet.",
    memberBusy: "Ihre Leitung war besetzt; der Anruf ist beendet.",
    targetBusy: (target) => `Bei ${target} war besetzt; Sie wurden nicht verbunden.`,
    targetNoAnswer: (target) => `${target} hat nicht abgenommen; Sie wurden nicht verbunden.`,
    targetFailed: (target) => `Wir sind nicht zur Leitung von ${target} durchgekommen.`,
    hungUpBeforeConnected: "Sie haben aufgelegt, bevor wir Sie verbinden konnten.",
    noValidChoice: "Wir haben am Telefon keine gültige Auswahl erhalten; der Anruf ist beendet.",
    failed: (reason) => `Der Anruf war nicht möglich: ${reason}`,
    unknown: "Wir konnten nicht herausfinden, wie Ihr Anruf verlaufen ist.",
    recallWaiting: (countdown, attempt, of) => `Wir konnten Sie nicht erreichen. Wir rufen Sie in ${countdown} wieder an, Versuch ${attempt} von ${of}.`,
    recallCalling: (number, attempt, of) => `Wir rufen ${number} wieder an, Versuch ${attempt} von ${of}. Bitte gehen Sie ran!`,
    stopCalling: "Nicht mehr anrufen",
    recallsStopped: "Wir rufen Sie nicht mehr an.",
    limitReached: (minutes) => `Sie haben die Zahl der Anrufe erreicht. Bitte versuchen Sie es in ${minutes} Minute${minutes === 1 ? "" : "n"} wieder.`,
    countryNotAllowed: "Diese Kampagne nimmt keine Anrufe aus diesem Land an.",
    premiumRate: "Diese Art von Nummer (Mehrwert- oder Sonderrufnummer) kann nicht angerufen werden.",
    numberTypeRefused: "Diese Art von Nummer kann von dieser Seite aus nicht angerufen werden. Bitte nutzen Sie eine Mobil- oder Festnetznummer.",
    blocked: "Diese Nummer kann von dieser Seite aus nicht angerufen werden.",
    notTakingCalls: "Diese Person nimmt keine Anrufe an.",
    veryBusy: "Gerade ist sehr viel los. Bitte versuchen Sie es in einer Minute wieder.",
    noCallerId: "Diese Kampagne kann noch keine Anrufe starten. Bitte versuchen Sie es später.",
    ourFault: "Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es in einer Minute wieder.",
    reasons: {
      invalid: "diese Nummer ist nicht gültig",
      unreachable: "diese Nummer ist nicht erreichbar",
      country: "Anrufe in dieses Land sind nicht freigeschaltet",
      unavailable: "unser Telefondienst ist gerade nicht verfügbar; bitte versuchen Sie es später",
      busy: "wir führen gerade sehr viele Anrufe; bitte versuchen Sie es in einer Minute",
      callerId: "die Absendernummer dieser Kampagne ist bei unserem Telefonanbieter nicht bestätigt; das Kampagnenteam muss das beheben",
      notPlaced: "unser Telefonanbieter hat ihn nie gestartet; bitte versuchen Sie es noch einmal",
    },
  },
  es: {
    talkingPoints: "Argumentos",
    yourNumber: "Su número de teléfono",
    country: "País",
    callMe: "Llámenme ahora",
    chooseTarget: "¿A quién quiere llamar?",
    noTargetChosen: "Elija a quién llamar.",
    findTarget: "Buscar a quién llamar",
    noTargetMatches: "Nadie coincide con esa selección. Pruebe otra.",
    invalidNumber: (country) => `Este número no es válido para ${country}.`,
    enterNumber: "Escriba su número de teléfono.",
    tryAgain: "Intentarlo de nuevo",
    followUp: "Qué hacer ahora",
    waiting: (seconds) => `Está en la cola: su teléfono sonará en unos ${seconds} segundo${seconds === 1 ? "" : "s"}.`,
    placing: "Iniciando su llamada…",
    calling: (number) => `Llamando al ${number}. ¡Conteste el teléfono!`,
    answered: "Contestado: escuchando el mensaje.",
    connectingTo: (target) => `Conectándole con ${target}…`,
    retryBusy: (target) => `La línea de ${target} está ocupada. Pulse 1 en su teléfono para volver a intentarlo.`,
    retryNoAnswer: (target) => `${target} no contestó. Pulse 1 en su teléfono para volver a intentarlo.`,
    talking: (target) => `Conectado con ${target}. ¡Gracias por alzar la voz!`,
    connected: (target, duration) => `Habló con ${target} durante ${duration}. ¡Gracias por llamar!`,
    sequenceCalling: (n, total, target) => `${n} de ${total}: llamando a ${target}…`,
    sequenceTalking: (n, total, target) => `${n} de ${total}: hablando con ${target}. Pulse * para pasar al siguiente.`,
    busyRedialing: (target, redial, of) => `La línea de ${target} está ocupada: volvemos a intentarlo (${redial} de ${of}). Pulse 1 para dejar de esperar.`,
    connectedSeveral: (targets, duration) => `Habló con ${targets}, ${duration} en total. ¡Gracias por llamar!`,
    memberNoAnswer: "No contestó, así que la llamada ha terminado.",
    memberBusy: "Su línea estaba ocupada, así que la llamada ha terminado.",
    targetBusy: (target) => `La línea de ${target} estaba ocupada, así que no se le pudo conectar.`,
    targetNoAnswer: (target) => `${target} no contestó, así que no se le pudo conectar.`,
    targetFailed: (target) => `No pudimos comunicar con la línea de ${target}.`,
    hungUpBeforeConnected: "Colgó antes de que le conectáramos.",
    noValidChoice: "No recibimos ninguna opción válida por teléfono, así que la llamada terminó.",
    failed: (reason) => `No se pudo hacer la llamada: ${reason}`,
    unknown: "No pudimos saber cómo fue su llamada.",
    recallWaiting: (countdown, attempt, of) => `No pudimos comunicarnos con usted. Le volveremos a llamar en ${countdown}, intento ${attempt} de ${of}.`,
    recallCalling: (number, attempt, of) => `Volvemos a llamar al ${number}, intento ${attempt} de ${of}. ¡Conteste el teléfono!`,
    stopCalling: "No me llamen más",
    recallsStopped: "No volveremos a llamarle.",
    limitReached: (minutes) => `Ha alcanzado el límite de llamadas. Vuelva a intentarlo en ${minutes} minuto${minutes === 1 ? "" : "s"}.`,
    countryNotAllowed: "Esta campaña no acepta llamadas desde ese país.",
    premiumRate: "Este tipo de número (tarifa especial o compartida) no se puede llamar.",
    numberTypeRefused: "Este tipo de número no se puede llamar desde esta página. Use un número móvil o fijo.",
    blocked: "Este número no se puede llamar desde esta página.",
    notTakingCalls: "Esta persona no está recibiendo llamadas.",
    veryBusy: "Estamos muy ocupados en este momento. Vuelva a intentarlo dentro de un minuto.",
    noCallerId: "Esta campaña todavía no puede hacer llamadas. Vuelva a intentarlo más tarde.",
    ourFault: "Algo falló por nuestra parte. Vuelva a intentarlo dentro de un minuto.",
    reasons: {
      invalid: "este número no es válido",
      unreachable: "no se puede contactar con este número",
      country: "las llamadas a este país no están habilitadas",
      unavailable: "nuestro servicio telefónico no está disponible; inténtelo más tarde",
      busy: "estamos haciendo muchas llamadas; inténtelo dentro de un minuto",
      callerId: "el número de origen de esta campaña no está verificado con nuestro proveedor; el equipo de la campaña debe corregirlo",
      notPlaced: "nuestro proveedor nunca la inició; vuelva a intentarlo",
    },
  },
};

export function memberStrings(language: string): MemberStrings {
  return MEMBER_STRINGS[(language in MEMBER_STRINGS ? language : "en") as Language];
}

/** Why Twilio did not place a call, for the member. Dial errors (132xx) belong to the target leg, never here. */
export function refusalReason(strings: MemberStrings, code: number | null | undefined, status = 400): string {
  if (code === 21211) return strings.reasons.invalid;
  if (code === 21214 || code === 21216) return strings.reasons.unreachable;
  if (code === 21215) return strings.reasons.country;
  if (code === 21210 || code === 21212) return strings.reasons.callerId;
  if (code === 20429 || status === 429) return strings.reasons.busy;
  return strings.reasons.unavailable;
}
