import type { PhoneBehavior } from "./phone";

const seconds = (value: number) => `${value} s`;

/** A number's script in plain words, as the virtual phone lists it: "+442079460123 will be busy." */
export function describeBehavior(number: string, behavior: PhoneBehavior): string {
  const then = [
    ...behavior.digits.map((press) => `presses ${press.digits} ${seconds(press.after)} ${press.onPrompt ? "into the next prompt" : "after answering"}`),
    ...(behavior.hangupAfter !== undefined ? [`hangs up ${seconds(behavior.hangupAfter)} after answering`] : []),
  ];
  const sentence = {
    manual: `${number} rings here and waits for you to answer.`,
    answer: `${number} answers by itself after ${seconds(behavior.answerAfter)} of ringing${then.length ? `, then ${then.join(", then ")}` : ""}.`,
    busy: `${number} will be busy.`,
    "no-answer": `${number} will ring and never be answered.`,
    fail: `${number} will fail before it rings.`,
    refuse: `Twilio will refuse to call ${number} (error ${behavior.refuseCode}).`,
    voicemail: `${number} will answer as voicemail after ${seconds(behavior.answerAfter)}: its greeting lasts ${seconds(behavior.greetingSeconds)}, then a beep, and nothing is recorded.`,
    fax: `${number} will answer as a fax machine after ${seconds(behavior.answerAfter)}.`,
  }[behavior.answer];
  return behavior.disorder ? `${sentence} Its status callbacks arrive shuffled, late and twice.` : sentence;
}
