/**
 * Where uploaded sound clips live. Two implementations behind this one
 * interface: local disk under $DATA_DIR/uploads (the default, served by the
 * app at /clips/<key>), and uploadthing when UPLOADTHING_TOKEN is set
 * (served by uploadthing's CDN).
 */
export type StoredObject = {
  /** The storage's own name for the object, to find or remove it later. */
  key: string;
  /** A public, unguessable, absolute URL that Twilio's <Play> and browsers can fetch. */
  url: string;
};

export interface ClipStorage {
  readonly kind: "local" | "uploadthing";
  /** Stores the bytes under a fresh unguessable name. `name` is the uploader's file name, kept for display only. */
  save(file: { name: string; contentType: string; bytes: Uint8Array }): Promise<StoredObject>;
  /** Removes an object; removing one that is already gone is not an error. */
  remove(key: string): Promise<void>;
}

/**
 * The store could not take the clip: unreachable, too slow, or refusing us.
 * Not the campaigner's doing, so it is not a FieldError: the upload route
 * answers 503, and nothing they had before is touched.
 */
export class ClipStoreUnavailable extends Error {
  override name = "ClipStoreUnavailable";
}
