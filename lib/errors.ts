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
