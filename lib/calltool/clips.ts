import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { parseBuffer } from "music-metadata";

export const MAX_CLIP_BYTES = 10 * 1024 * 1024;

/** Shorter than this is a slip (a recording stopped at once, an empty export), not a message. */
export const MIN_CLIP_SECONDS = 0.5;

/** What Twilio's <Play> accepts and browsers play: MP3 and WAV, named by their standard types. */
const ACCEPTED: Record<string, "audio/mpeg" | "audio/wav"> = { "audio/mpeg": "audio/mpeg", "audio/wav": "audio/wav", "audio/x-wav": "audio/wav", "audio/vnd.wave": "audio/wav" };

export type InspectedClip =
  | { ok: true; contentType: "audio/mpeg" | "audio/wav"; durationSeconds: number | null }
  | { ok: false; message: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Decides what a file is from its bytes, never its name or the browser's
 * claim: a text file renamed .mp3 is refused. Reads the duration to show it,
 * and refuses one too short to be a message. Uploads and recordings made in
 * the editor (wav.ts) both come through here.
 */
export async function inspectClip(bytes: Uint8Array): Promise<InspectedClip> {
  if (bytes.byteLength === 0) return { ok: false, message: "This file is empty." };
  if (bytes.byteLength > MAX_CLIP_BYTES) return { ok: false, message: `This file is ${megabytes(bytes.byteLength)}; a clip can be at most 10 MB.` };
  const sniffed = await fileTypeFromBuffer(bytes);
  const contentType = sniffed ? ACCEPTED[sniffed.mime] : undefined;
  if (!contentType) {
    const seen = sniffed ? `it looks like a ${sniffed.ext.toUpperCase()} file` : "its content is not audio we recognise";
    return { ok: false, message: `This isn't an MP3 or WAV recording: ${seen}.` };
  }
  let durationSeconds: number | null = null;
  try {
    const metadata = await parseBuffer(bytes, { mimeType: contentType }, { duration: true });
    durationSeconds = metadata.format.duration ?? null;
  } catch {
    return { ok: false, message: "This recording could not be read; it may be damaged. Export it again and retry." };
  }
  if (durationSeconds !== null && durationSeconds < MIN_CLIP_SECONDS) return { ok: false, message: "This recording lasts less than half a second. Record or export it again." };
  return { ok: true, contentType, durationSeconds };
}
