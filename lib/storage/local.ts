import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { ClipStorage } from "./types";

const EXTENSIONS: Record<string, string> = { "audio/mpeg": "mp3", "audio/wav": "wav" };
export const CONTENT_TYPES: Record<string, string> = { mp3: "audio/mpeg", wav: "audio/wav" };

/** A key the app made: 128 random bits and the format's extension. Nothing else is ever read from disk. */
export const LOCAL_KEY = /^[A-Za-z0-9_-]{22}\.(mp3|wav)$/;

/**
 * Clips on local disk, under $DATA_DIR/uploads, served by the app itself at
 * /clips/<key>. The key is random, so the URL is public but unguessable;
 * a replaced clip gets a new key, so a URL's content never changes.
 */
export function createLocalStorage(folder: string, publicUrl: string): ClipStorage {
  return {
    kind: "local",
    async save(file) {
      const extension = EXTENSIONS[file.contentType];
      if (!extension) throw new Error(`Unsupported clip type ${file.contentType}`);
      const key = `${randomBytes(16).toString("base64url")}.${extension}`;
      await fs.mkdir(folder, { recursive: true });
      await fs.writeFile(path.join(/*turbopackIgnore: true*/ folder, key), file.bytes, { flag: "wx" });
      return { key, url: `${publicUrl}/clips/${key}` };
    },
    async remove(key) {
      if (!LOCAL_KEY.test(key)) return;
      await fs.rm(path.join(/*turbopackIgnore: true*/ folder, key), { force: true });
    },
  };
}

export function localClipPath(folder: string, key: string): string | null {
  return LOCAL_KEY.test(key) ? path.join(/*turbopackIgnore: true*/ folder, key) : null;
}
