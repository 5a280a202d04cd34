import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "../auth/secret";
import { filtersFrom } from "./choose-target";

/**
 * A form posted without JavaScript goes back to the page with its error in
 * the URL. The page shows it only with the app's signature, so nobody can
 * craft a link that makes a campaign's page say something of their choosing.
 */
const sign = (text: string) => createHmac("sha256", authSecret()).update(`form-error\0${text}`).digest("base64url").slice(0, 22);

export function signError(text: string): string {
  return sign(text);
}

/** The error to show from a page's query, if the app wrote it. */
export function verifiedError(text: string | undefined, signature: string | undefined): string | undefined {
  if (!text || !signature) return undefined;
  const expected = Buffer.from(sign(text));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? text : undefined;
}

export type SearchParams = Record<string, string | string[] | undefined>;
export type FormState = { filters: Record<string, string>; initial: { error?: string; field?: string; phone?: string; targetId?: string; postcode?: string } };

/** What a visit's address carries for the call form: a narrowed choice of target, or the error and input of a form that came back. */
export function formStateFrom(query: SearchParams): FormState {
  const text = (key: string) => (typeof query[key] === "string" ? (query[key] as string).slice(0, 300) : undefined);
  return {
    filters: filtersFrom(query),
    initial: { error: verifiedError(text("error"), text("sig")), field: text("field"), phone: text("phone"), targetId: text("target"), postcode: text("postcode")?.slice(0, 20) },
  };
}
