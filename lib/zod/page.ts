import { z } from "zod";
import { LANGUAGES } from "../calltool/languages";

export const PAGE_STATUSES = ["draft", "published"] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export const SLUG_MAX = 80;

// Paths the app itself uses under /p/ stay free.
const RESERVED_SLUGS = new Set(["new", "admin", "api", "embed", "preview"]);

export const slugSchema = z
  .string({ error: "Choose a web address" })
  .trim()
  .toLowerCase()
  .min(2, "A web address is at least 2 characters")
  .max(SLUG_MAX, `A web address is at most ${SLUG_MAX} characters`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, like save-the-bees")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "That web address is reserved; choose another");

const optionalUrl = z
  .string()
  .trim()
  .max(2_000, "A web address is at most 2,000 characters")
  .refine((value) => {
    if (value === "") return true;
    try {
      return ["http:", "https:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, "Enter a full web address starting with https://");

export const pageFieldsSchema = z.object({
  title: z.string({ error: "Give the page a title" }).trim().min(1, "Give the page a title").max(200, "A title is at most 200 characters"),
  slug: slugSchema,
  body: z.string().max(50_000, "The page text is at most 50,000 characters").default(""),
  language: z.enum(LANGUAGES, { error: "Choose a language" }).default("en"),
  followUpUrl: optionalUrl.default(""),
  /** The calls the campaign hopes for, shown with the page's counter; empty for none. */
  callGoal: z
    .string()
    .trim()
    .default("")
    .refine((value) => /^\d{0,9}$/.test(value.replaceAll(",", "")) && value.replaceAll(",", "") !== "0", "Enter a whole number of calls, like 5000, or leave it empty")
    .transform((value) => (value ? Number(value.replaceAll(",", "")) : null)),
});

export const newPageSchema = pageFieldsSchema.pick({ title: true, slug: true, language: true });

/** A title as a web address: "Save the Bees!" → "save-the-bees". */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
}
