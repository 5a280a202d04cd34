import { describe, expect, it } from "vitest";
import { inspectClip } from "./clips";
import { encodeWav, RECORDING_SAMPLE_RATE } from "./wav";

const tone = (seconds: number, rate = RECORDING_SAMPLE_RATE, amplitude = 0.5) =>
  Float32Array.from({ length: Math.round(seconds * rate) }, (_, index) => amplitude * Math.sin((2 * Math.PI * 440 * index) / rate));

describe("a browser recording, encoded as WAV", () => {
  it("is a mono 16-bit PCM WAV the server's checks accept, with its real duration", async () => {
    const wav = encodeWav(tone(2.25), RECORDING_SAMPLE_RATE);
    expect(wav.byteLength).toBe(44 + 2.25 * RECORDING_SAMPLE_RATE * 2);
    const view = new DataView(wav.buffer);
    expect(new TextDecoder().decode(wav.subarray(0, 4))).toBe("RIFF");
    expect(view.getUint32(4, true)).toBe(wav.byteLength - 8);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(16_000);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(wav.byteLength - 44);
    const inspected = await inspectClip(wav);
    expect(inspected).toMatchObject({ ok: true, contentType: "audio/wav" });
    expect(inspected.ok && inspected.durationSeconds).toBeCloseTo(2.25, 2);
  });

  it("keeps the samples, clipping those past full scale", () => {
    const wav = encodeWav(Float32Array.from([0, 0.5, -0.5, 1, -1, 3, -3]), 8000);
    const view = new DataView(wav.buffer);
    expect(Array.from({ length: 7 }, (_, index) => view.getInt16(44 + index * 2, true))).toEqual([0, 16383, -16384, 32767, -32768, 32767, -32768]);
  });

  it("is refused when it lasts less than half a second, as an upload would be", async () => {
    expect(await inspectClip(encodeWav(tone(0.3), RECORDING_SAMPLE_RATE))).toEqual({ ok: false, message: "This recording lasts less than half a second. Record or export it again." });
    expect(await inspectClip(encodeWav(tone(0.6), RECORDING_SAMPLE_RATE))).toMatchObject({ ok: true });
  });

  it("is refused when the browser's WebM or Ogg reaches the server unconverted", async () => {
    const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d, 0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]);
    expect(await inspectClip(webm)).toEqual({ ok: false, message: "This isn't an MP3 or WAV recording: it looks like a WEBM file." });
  });
});
