"use client";
import { useCallback, useRef, useState } from "react";

type Validator = (phone: string, country: string) => boolean;

const loadValidator = async (): Promise<Validator> => {
  const { isValidPhoneNumber } = await import("libphonenumber-js/min");
  return (phone, country) => isValidPhoneNumber(phone, country as Parameters<typeof isValidPhoneNumber>[1]);
};

/**
 * The phone number check, fetched when the member first reaches for the
 * field rather than with the page: libphonenumber's metadata is most of the
 * form's JavaScript, and most visitors read before they type. Until it has
 * arrived nothing is flagged (the server checks every number anyway); a
 * submit waits for it.
 */
export function usePhoneCheck() {
  const [validator, setValidator] = useState<Validator | null>(null);
  const loading = useRef<Promise<Validator> | null>(null);
  const load = useCallback(() => {
    loading.current ??= loadValidator().then((loaded) => {
      setValidator(() => loaded);
      return loaded;
    });
    return loading.current;
  }, []);
  return {
    /** Starts fetching the check; call it when the member reaches for the field. */
    prepare: () => void load().catch(() => (loading.current = null)),
    /** Whether the number is valid, or null while the check is still on its way. */
    isValid: (phone: string, country: string) => (validator ? validator(phone, country) : null),
    /** Whether the number is valid, waiting for the check if needed (null if it could not be fetched). */
    whenReady: async (phone: string, country: string) => (await load().catch(() => null))?.(phone, country) ?? null,
  };
}
