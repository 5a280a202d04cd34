/**
 * Errors a person can act on. Domain code throws them; the action wrapper
 * (lib/auth/action.ts) shows FieldError beside its field and FormError at the
 * top of the form. Anything else is a bug: logged, and shown as a generic apology.
 */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "FieldError";
  }
}

export class FormError extends Error {
  override name = "FormError";
}

/** Someone else saved first: nothing was overwritten. */
export class StaleEditError extends FormError {
  override name = "StaleEditError";
  constructor(what: string) {
    super(`This ${what} was changed by someone else since you opened it, so your changes were not saved. Reload to see their version, then make your changes again.`);
  }
}

/** A Postgres error's SQLSTATE, as either driver reports it (postgres.js on the error, PGlite via drizzle on its cause). */
export function postgresErrorCode(error: unknown): string | undefined {
  return (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
}

export const isUniqueViolation = (error: unknown) => postgresErrorCode(error) === "23505";
export const isForeignKeyViolation = (error: unknown) => postgresErrorCode(error) === "23503";
