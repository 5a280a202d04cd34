import "server-only";
import { UTApi } from "uploadthing/server";
import { ClipStoreUnavailable, type ClipStorage, type StoredObject } from "./types";

export type UploadthingStorageOptions = {
  /** UPLOADTHING_TOKEN: base64 JSON { apiKey, appId, regions } from the uploadthing dashboard. */
  token: string;
  /** Overrides https://api.uploadthing.com (deletes go here); tests point it at a local fake. */
  apiUrl?: string;
  /** Overrides https://<region>.ingest.uploadthing.com (the bytes go here). */
  ingestUrl?: string;
  /** How long an upload may take before we give up on it (the campaigner is waiting). */
  timeoutMs?: number;
};

/** A 10 MB clip at a slow office uplink's 1 MB/s, with room to spare. */
const UPLOAD_TIMEOUT_MS = 30_000;

/**
 * Clips on uploadthing, through the official server SDK.
 *
 * Each UTApi builds its own Effect runtime whose config provider reads the
 * constructor options first and only falls back to UPLOADTHING_* env vars for
 * keys left out (uploadthing/dist/upload-builder-*.js, `configProvider` and
 * `makeRuntime`). So the token and URLs go in as options, never into
 * process.env, and two storages in one process cannot see each other's.
 * Unset URLs are left out rather than passed as undefined: the JSON provider
 * would read them as the string "undefined".
 */
export function createUploadthingStorage(options: UploadthingStorageOptions): ClipStorage {
  const utapi = new UTApi({
    token: options.token,
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    ...(options.ingestUrl ? { ingestUrl: options.ingestUrl } : {}),
  });

  return {
    kind: "uploadthing",

    async save({ name, contentType, bytes }): Promise<StoredObject> {
      // The SDK answers upload failures (bad token, refused signature,
      // network) in `error` rather than throwing; it throws only for misuse.
      // The copy gives File an ArrayBuffer-backed view, which Blob parts must be.
      const file = new File([new Uint8Array(bytes)], name, { type: contentType });
      // Unreachable, refused and timed out all come back as UPLOAD_FAILED (or
      // an abort): to the campaigner they are the same "try again later".
      const result = await utapi.uploadFiles(file, { signal: AbortSignal.timeout(options.timeoutMs ?? UPLOAD_TIMEOUT_MS) }).catch((cause: unknown) => {
        throw new ClipStoreUnavailable(`The clip could not be stored: ${describe(cause)}`, { cause });
      });
      if (result.error) {
        throw new ClipStoreUnavailable(`The clip could not be stored: uploadthing answered "${result.error.message}" (${result.error.code}).`, { cause: result.error });
      }
      // ufsUrl is the current public address; `url` and `appUrl` are deprecated
      // (the SDK itself reads them, hence its deprecation warnings per upload).
      return { key: result.data.key, url: result.data.ufsUrl };
    },

    async remove(key) {
      try {
        // A key uploadthing no longer has comes back as a 2xx with deletedCount 0.
        await utapi.deleteFiles(key);
      } catch (error) {
        // Not seen from the real API, but a 404 would mean the same: already gone.
        if (responseStatus(error) === 404) return;
        throw new Error(`The clip could not be removed from uploadthing: ${describe(error)}`, { cause: error });
      }
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The HTTP status of an @effect/platform ResponseError, which deleteFiles rethrows as is. */
function responseStatus(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("response" in error)) return undefined;
  const { response } = error;
  if (typeof response !== "object" || response === null || !("status" in response)) return undefined;
  return typeof response.status === "number" ? response.status : undefined;
}
