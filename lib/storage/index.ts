import "server-only";
import path from "node:path";
import { getEnv } from "../env";
import { createLocalStorage } from "./local";
import type { ClipStorage } from "./types";
import { createUploadthingStorage } from "./uploadthing";

export type { ClipStorage, StoredObject } from "./types";

export function uploadsFolder(): string {
  return path.resolve(getEnv().DATA_DIR, "uploads");
}

let cached: ClipStorage | undefined;

/** uploadthing when UPLOADTHING_TOKEN is set, local disk otherwise. */
export function clipStorage(): ClipStorage {
  if (cached) return cached;
  const env = getEnv();
  cached = env.UPLOADTHING_TOKEN
    ? createUploadthingStorage({ token: env.UPLOADTHING_TOKEN, apiUrl: env.UPLOADTHING_API_URL, ingestUrl: env.UPLOADTHING_INGEST_URL })
    : createLocalStorage(uploadsFolder(), env.PUBLIC_URL);
  return cached;
}
