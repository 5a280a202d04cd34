import { describe, expect, it } from "vitest";
import { parseTwiml } from "./twiml-document";

describe("parseTwiml", () => {
  it("keeps verbs in order with attributes, nesting and text", () => {
    const parsed = parseTwiml(`<?xml version="1.0" encoding="UTF-8"?>
      <Response><Gather numDigits="1" action="/menu"><Play>https://x/a.mp3</Play><Say language="fr">Bonjour &amp; bienvenue</Say></Gather><Redirect>/menu</Redirect></Response>`);
    expect(parsed).toEqual({
      ok: true,
      verbs: [
        {
          name: "Gather",
          attrs: { numDigits: "1", action: "/menu" },
          text: "",
          children: [
            { name: "Play", attrs: {}, children: [], text: "https://x/a.mp3" },
            { name: "Say", attrs: { language: "fr" }, children: [], text: "Bonjour & bienvenue" },
          ],
        },
        { name: "Redirect", attrs: {}, children: [], text: "/menu" },
      ],
    });
  });

  it("reports malformed XML and a wrong root as parse failures", () => {
    expect(parseTwiml("<Response><Say>oops</Response>")).toMatchObject({ ok: false, problem: expect.stringMatching(/^Document parse failure/) });
    expect(parseTwiml("<html><body/></html>")).toMatchObject({ ok: false, problem: expect.stringMatching(/root element must be <Response>/) });
    expect(parseTwiml("not xml at all")).toMatchObject({ ok: false });
  });
});
