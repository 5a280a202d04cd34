/**
 * A browser recording made playable by Twilio. MediaRecorder records WebM or
 * Ogg with Opus (Chromium, Firefox) or MP4 with AAC (Safari), and Twilio's
 * <Play> takes none of them; it takes WAV. The browser already decodes what
 * it recorded (AudioContext.decodeAudioData), so the editor decodes the
 * recording there, mixes it down to mono at 16 kHz (OfflineAudioContext; the
 * phone network carries 8 kHz, and 16 kHz keeps the listen-back clear), and
 * wraps the samples as 16-bit PCM WAV with this function. The server then
 * checks it like any upload (clips.ts). No outside service, no native binary
 * (ffmpeg) on the server, nothing added to the member's page.
 *
 * Runs in the browser and in Node (tests), so no server-only import.
 */

/** The rate recordings are kept at: 32 kB a second, so a 10 MB clip holds about 5 minutes. */
export const RECORDING_SAMPLE_RATE = 16_000;

/** The longest a recording may run before the editor stops it: well within 10 MB at 16 kHz. */
export const MAX_RECORDING_SECONDS = 300;

/** Mono 16-bit PCM WAV of samples in [-1, 1] (values beyond are clipped). */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => [...value].forEach((char, index) => view.setUint8(offset + index, char.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true); // the fmt chunk's size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  text(36, "data");
  view.setUint32(40, samples.length * 2, true);
  for (let index = 0; index < samples.length; index++) {
    const sample = Math.max(-1, Math.min(1, samples[index]!));
    view.setInt16(44 + index * 2, sample < 0 ? sample * 0x8000 : sample * 0x7fff, true);
  }
  return bytes;
}
