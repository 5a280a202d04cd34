import type { Simulator } from "./context";
import type { SimCall } from "./schema";
import { watch } from "./control";
import { record, setActivity, setGathering, takeDigits } from "./store";
import { intAttr, type TwimlNode } from "./twiml-document";

/** Simulated seconds a prompt lasts: speech at about three words a second; a clip is taken as 4 s. */
export function promptSeconds(node: TwimlNode): number {
  const loop = Math.min(intAttr(node, "loop", 1) || 10, 10);
  if (node.name === "Say") return Math.max(1, Math.ceil(node.text.split(/\s+/).filter(Boolean).length / 3)) * loop;
  if (node.name === "Play") return 4 * loop;
  return intAttr(node, "length", 1);
}

/**
 * Plays a Say, Play or Pause on the call. `stopWhen` cuts it short (a
 * keypress inside <Gather>, a dequeue while on hold) and the answer says so.
 */
export async function playPrompt(sim: Simulator, sid: string, node: TwimlNode, stopWhen?: (row: SimCall) => boolean): Promise<"done" | "interrupted"> {
  if (node.name === "Say") {
    await setActivity(sim, sid, `Saying: "${node.text}"`);
    await record(sim, sid, "say", node.text, { voice: node.attrs.voice, language: node.attrs.language, loop: node.attrs.loop });
  } else if (node.name === "Play") {
    await setActivity(sim, sid, `Playing ${node.text}`);
    await record(sim, sid, "play", node.text, { url: node.text, loop: node.attrs.loop });
  } else {
    await setActivity(sim, sid, "Silence");
    await record(sim, sid, "pause", `Pause ${intAttr(node, "length", 1)} s`);
  }
  const { matched } = await watch(sim, sid, promptSeconds(node), stopWhen);
  return matched ? "interrupted" : "done";
}

const keyPressed = (row: SimCall) => row.pendingDigits.length > 0;

export type GatherResult = { digits: string; finishedOnKey: string };

/**
 * <Gather> as Twilio runs it: it listens from its first prompt; nested
 * prompts play until a key is pressed; then it collects until numDigits,
 * finishOnKey, or `timeout` seconds without a key. No digits (or only the
 * finish key) is no input: `null`. Keys pressed before it listens, or after
 * it has what it needs, are lost.
 */
export async function gather(sim: Simulator, sid: string, node: TwimlNode): Promise<GatherResult | null> {
  await setGathering(sim, sid, true);
  try {
    return await collect(sim, sid, node);
  } finally {
    await setGathering(sim, sid, false);
  }
}

async function collect(sim: Simulator, sid: string, node: TwimlNode): Promise<GatherResult | null> {
  const numDigits = intAttr(node, "numDigits", Number.POSITIVE_INFINITY);
  const timeout = intAttr(node, "timeout", 5);
  const finishOnKey = node.attrs.finishOnKey ?? "#";

  for (const prompt of node.children) {
    if (!["Say", "Play", "Pause"].includes(prompt.name)) continue;
    if ((await playPrompt(sim, sid, prompt, keyPressed)) === "interrupted") break;
  }
  await setActivity(sim, sid, "Waiting for a key");

  let collected = "";
  for (;;) {
    for (const key of await takeDigits(sim, sid)) {
      if (finishOnKey && key === finishOnKey) return collected ? { digits: collected, finishedOnKey: key } : null;
      collected += key;
      if (collected.length >= numDigits) return { digits: collected, finishedOnKey: "" };
    }
    const { matched } = await watch(sim, sid, timeout, keyPressed);
    if (!matched) return collected ? { digits: collected, finishedOnKey: "" } : null;
  }
}
