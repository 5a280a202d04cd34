import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { FieldError, FormError } from "../errors";
import { formFields } from "../http/form";
import { log } from "../log";
import { fieldErrorsOf } from "../zod/errors";
import type { Role } from "./roles";
import { CHANGE_PASSWORD_PATH, sessionAccount, type SessionUser } from "./session";

/** What every form action returns; forms render it with useActionState. */
export type ActionState = {
  ok?: boolean;
  message?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
  /** What was submitted, so the form can show it again after an error. */
  values?: Record<string, string>;
  /** Anything the form should show on success, e.g. an invitation link. */
  result?: Record<string, string>;
  /** Structured results for client components (an import preview, saved targets). */
  data?: unknown;
};

function submittedValues(fields: Record<string, FormDataEntryValue>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string" && !key.startsWith("$") && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

export const SESSION_ENDED = "Your session has ended. Sign in again.";
export const ROLE_REFUSED = "Your role does not allow this.";

/**
 * The one way to write a signed-in server action: it checks the session and
 * role itself (the proxy is only a first filter), validates the form with the
 * given schema, and turns domain errors into messages at the right field.
 * An account that must choose a new password may run only the actions that
 * say so (`whilePasswordChangeRequired`): the change of password itself.
 */
export function authorizedAction<Schema extends z.ZodType>(
  options: { roles: readonly Role[]; schema: Schema; whilePasswordChangeRequired?: boolean },
  run: (input: z.output<Schema>, context: { user: SessionUser }) => Promise<ActionState | void>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const fields = formFields(formData);
    const values = submittedValues(fields);
    const account = await sessionAccount();
    if (!account) return { formError: SESSION_ENDED, values };
    if (account.mustChangePassword && !options.whilePasswordChangeRequired) {
      return { formError: `Choose a new password first, at ${CHANGE_PASSWORD_PATH}.`, values };
    }
    const user: SessionUser = { id: account.id, email: account.email, name: account.name, role: account.role };
    if (!options.roles.includes(user.role)) return { formError: ROLE_REFUSED, values };

    const parsed = options.schema.safeParse(fields);
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
    try {
      return { ok: true, ...(await run(parsed.data, { user })) };
    } catch (error) {
      // redirect() and notFound() signal through exceptions; they are not failures.
      unstable_rethrow(error);
      if (error instanceof FieldError) return { fieldErrors: { [error.field]: error.message }, values };
      if (error instanceof FormError) return { formError: error.message, values };
      log.error({ err: error, userId: user.id }, "server action failed");
      return { formError: "Something went wrong on our side. Nothing was saved; please try again.", values };
    }
  };
}
