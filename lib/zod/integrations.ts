import { z } from "zod";

export const endpointSchema = z.object({
  url: z
    .string({ error: "Enter the address that should receive calls" })
    .trim()
    .min(1, "Enter the address that should receive calls")
    .max(2_000, "A web address is at most 2,000 characters")
    .refine((value) => {
      try {
        return ["http:", "https:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, "Enter a full web address starting with https://"),
  description: z.string().trim().max(200, "At most 200 characters").default(""),
});
