import type { Language } from "../calltool/languages";
import type { FeedbackAnswer } from "./answers";

/** "How did it go?" in each page language. Kept apart from the call's own strings: a separate part of the member's page. */
export type FeedbackStrings = {
  question: string;
  answers: Record<FeedbackAnswer, string>;
  note: string;
  send: string;
  thanks: string;
  already: string;
  failed: string;
  /** At the answers, when the form without JavaScript was sent without one. */
  choose: string;
};

export const FEEDBACK_STRINGS: Record<Language, FeedbackStrings> = {
  en: {
    question: "How did it go?",
    answers: { spoke: "I spoke to someone", voicemail: "I left a voicemail", "no-answer": "I couldn't get through" },
    note: "Anything to add? (optional)",
    send: "Send",
    thanks: "Thank you for telling us.",
    already: "We already have your answer. Thank you.",
    failed: "We couldn't save that. Please try again.",
    choose: "Choose one of the answers.",
  },
  fr: {
    question: "Comment ça s'est passé ?",
    answers: { spoke: "J'ai parlé à quelqu'un", voicemail: "J'ai laissé un message", "no-answer": "Je n'ai pas pu joindre la personne" },
    note: "Quelque chose à ajouter ? (facultatif)",
    send: "Envoyer",
    thanks: "Merci de nous l'avoir dit.",
    already: "Nous avons déjà votre réponse. Merci.",
    failed: "Nous n'avons pas pu l'enregistrer. Réessayez, s'il vous plaît.",
    choose: "Choisissez une des réponses.",
  },
  de: {
    question: "Wie ist es gelaufen?",
    answers: { spoke: "Ich habe mit jemandem gesprochen", voicemail: "Ich habe eine Nachricht hinterlassen", "no-answer": "Ich bin nicht durchgekommen" },
    note: "Möchten Sie etwas ergänzen? (optional)",
    send: "Senden",
    thanks: "Danke, dass Sie es uns sagen.",
    already: "Wir haben Ihre Antwort schon. Danke.",
    failed: "Das konnten wir nicht speichern. Bitte versuchen Sie es noch einmal.",
    choose: "Wählen Sie eine der Antworten.",
  },
  es: {
    question: "¿Cómo ha ido?",
    answers: { spoke: "Hablé con alguien", voicemail: "Dejé un mensaje de voz", "no-answer": "No pude comunicarme" },
    note: "¿Algo que añadir? (opcional)",
    send: "Enviar",
    thanks: "Gracias por contárnoslo.",
    already: "Ya tenemos su respuesta. Gracias.",
    failed: "No pudimos guardarlo. Inténtelo de nuevo.",
    choose: "Elija una de las respuestas.",
  },
};

export const feedbackStrings = (language: string): FeedbackStrings => FEEDBACK_STRINGS[language as Language] ?? FEEDBACK_STRINGS.en;
