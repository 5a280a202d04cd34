/**
 * The languages a page can be in. A page's language drives what members read
 * and what the text-to-speech fallback says on the phone.
 */
export const LANGUAGES = ["en", "fr", "de", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", fr: "Français", de: "Deutsch", es: "Español" };

/** What the phone says when the campaigner has not uploaded a clip. */
export const DEFAULT_SPOKEN: Record<Language, { message: string; menu: string }> = {
  en: {
    message: "Thank you for taking action. In a moment we will connect you to the person you are calling.",
    menu: "Press 1 to be connected now. Press 2 to hear the message again.",
  },
  fr: {
    message: "Merci de vous mobiliser. Dans un instant, nous allons vous mettre en relation avec la personne que vous appelez.",
    menu: "Appuyez sur 1 pour être mis en relation. Appuyez sur 2 pour réécouter le message.",
  },
  de: {
    message: "Danke, dass Sie aktiv werden. Gleich verbinden wir Sie mit der Person, die Sie anrufen.",
    menu: "Drücken Sie 1, um jetzt verbunden zu werden. Drücken Sie 2, um die Nachricht noch einmal zu hören.",
  },
  es: {
    message: "Gracias por participar. En un momento le pondremos en contacto con la persona a la que llama.",
    menu: "Pulse 1 para conectarse ahora. Pulse 2 para escuchar el mensaje de nuevo.",
  },
};
