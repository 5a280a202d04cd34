import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A one-time link's secret: 192 random bits, URL-safe. Only its hash is stored. */
export const newToken = () => randomBytes(24).toString("base64url");

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
