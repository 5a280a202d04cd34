import { currentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { MAX_CLIP_BYTES } from "@/lib/calltool/clips";
import { storeClip } from "@/lib/calltool/clip-service";
import { db } from "@/lib/db/client";
import { FieldError } from "@/lib/errors";
import { log } from "@/lib/log";
import { BodyTooLarge, readForm } from "@/lib/http/body";
import { withoutNul } from "@/lib/http/form";
import { clipStorage } from "@/lib/storage";
import { ClipStoreUnavailable } from "@/lib/storage/types";

const refuse = (status: number, message: string) => Response.json({ errors: { file: message } }, { status });

/** Uploads a sound clip (multipart, field "file"). The editor then attaches it to a call tool. */
export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return refuse(401, "Your session has ended. Sign in again.");
  if (!(STAFF_ROLES as readonly string[]).includes(user.role)) return refuse(403, "Your role does not allow this.");
  // The clip and the form around it, counted as the bytes arrive: an upload past that is refused, whatever Content-Length said.
  let form: FormData | null;
  try {
    form = await readForm(request, MAX_CLIP_BYTES + 64 * 1024);
  } catch (error) {
    if (error instanceof BodyTooLarge) return refuse(413, "This file is larger than 10 MB; a clip can be at most 10 MB.");
    throw error;
  }
  const file = form?.get("file");
  if (!(file instanceof File)) return refuse(422, "Choose an MP3 or WAV file to upload.");
  try {
    const clip = await storeClip(db(), clipStorage(), { name: withoutNul(file.name), bytes: new Uint8Array(await file.arrayBuffer()) }, user.id);
    return Response.json({ clip: { id: clip.id, fileName: clip.fileName, url: clip.url, durationSeconds: clip.durationSeconds, size: clip.size } }, { status: 201 });
  } catch (error) {
    if (error instanceof FieldError) return refuse(422, error.message);
    if (error instanceof ClipStoreUnavailable) {
      log.warn({ err: error }, "The clip store refused or did not answer an upload");
      return refuse(503, "The clip store can't be reached just now, so this clip was not saved. Your current clip is unchanged. Try again in a few minutes.");
    }
    throw error;
  }
}
