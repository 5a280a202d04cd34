/** A string without NUL bytes: PostgreSQL refuses them in text, and no one types one on purpose. */
export const withoutNul = (value: string) => (value.includes("\0") ? value.replaceAll("\0", "") : value);

/**
 * A submitted form as a plain object for a zod schema, every text value
 * without NUL bytes. Files pass as they are; a repeated field keeps its last value.
 */
export function formFields(formData: FormData): Record<string, FormDataEntryValue> {
  const fields: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData) fields[withoutNul(key)] = typeof value === "string" ? withoutNul(value) : value;
  return fields;
}
