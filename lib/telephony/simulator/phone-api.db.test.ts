import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDriver } from "../../db/testing";
import { soundClips } from "../../pages/schema";
import { startScenario, type Scenario } from "../testing/scenario";
import { handlePhoneApi } from "./phone-api";

let s: Scenario;
beforeAll(async () => {
  s = await startScenario();
  s.twiml("/play", (r) => {
    r.play("https://calls.example.test/clips/Xy3kQ9-random-key.mp3");
    r.play("https://elsewhere.example/hold%20music.mp3");
  });
});
afterAll(() => s.close());

const api = async (method: string, segments: string[], body?: unknown) => {
  const response = await handlePhoneApi(s.sim, new Request("http://x/dev/phone/api", { method, body: body ? JSON.stringify(body) : undefined }), segments);
  return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as Record<string, unknown>) };
};

describe(`the virtual phone's API (${testDriver()})`, () => {
  it("lists scripted numbers with their behaviour in words, and resets one or all", async () => {
    expect((await api("PUT", ["numbers", "+442079466001"], { answer: "busy" })).body).toMatchObject({ sentence: "+442079466001 will be busy." });
    await api("PUT", ["numbers", "+442079466002"], { answer: "answer", answerAfter: 2, digits: [{ after: 1, digits: "1", onPrompt: true }], hangupAfter: 30, disorder: true });
    expect((await api("GET", ["numbers"])).body!.numbers).toEqual([
      expect.objectContaining({ number: "+442079466001", sentence: "+442079466001 will be busy." }),
      expect.objectContaining({
        number: "+442079466002",
        sentence:
          "+442079466002 answers by itself after 2 s of ringing, then presses 1 1 s into the next prompt, then hangs up 30 s after answering. Its status callbacks arrive shuffled, late and twice.",
      }),
    ]);
    expect((await api("DELETE", ["numbers", encodeURIComponent("+442079466001")])).status).toBe(204);
    expect(((await api("GET", ["numbers"])).body!.numbers as { number: string }[]).map((entry) => entry.number)).toEqual(["+442079466002"]);
    expect((await api("DELETE", ["numbers", "%E0%A4%A"])).status).toBe(422);
    expect((await api("POST", ["inbound"], { from: "+442079466001", url: `${s.fixture.url}/play\u0000` })).status).toBe(422);
    expect((await api("DELETE", ["numbers"])).status).toBe(204);
    expect((await api("GET", ["numbers"])).body!.numbers).toEqual([]);
  });

  it("names a played clip by the name it was uploaded with", async () => {
    await s.fixture.database.db.insert(soundClips).values({
      storage: "local",
      storageKey: "Xy3kQ9-random-key.mp3",
      url: "https://calls.example.test/clips/Xy3kQ9-random-key.mp3",
      fileName: "Message to the MP.mp3",
      contentType: "audio/mpeg",
      size: 1000,
    });
    await s.script("+442079466003", { answer: "answer", answerAfter: 0 });
    const { sid } = await s.call("+442079466003", "/play");
    await s.fixture.waitForEnd(sid);
    const calls = (await api("GET", ["calls"])).body!.calls as { sid: string; log: { kind: string; clip: string | null }[] }[];
    const played = calls.find((call) => call.sid === sid)!.log.filter((entry) => entry.kind === "play");
    expect(played.map((entry) => entry.clip)).toEqual(["Message to the MP.mp3", null]);
  });
});
