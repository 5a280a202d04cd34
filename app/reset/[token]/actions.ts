"use server";
import { AuthError } from "next-auth";
import type { ActionState } from "@/lib/auth/action";
import { signIn } from "@/lib/auth";
import { homePath } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { FormError } from "@/lib/errors";
import { formFields } from "@/lib/http/form";
import { resetPassword } from "@/lib/users/passwords";
import { fieldErrorsOf } from "@/lib/zod/errors";
import { resetPasswordSchema } from "@/lib/zod/user";

// Not an authorizedAction: the person has lost their password. The one-time token is the authority.
export async function resetPasswordAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = resetPasswordSchema.safeParse(formFields(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  let user;
  try {
    user = await resetPassword(db(), parsed.data);
  } catch (error) {
    if (error instanceof FormError) return { formError: error.message };
    throw error;
  }
  try {
    await signIn("credentials", { email: user.email, password: parsed.data.password, redirectTo: homePath(user.role) });
  } catch (error) {
    if (error instanceof AuthError) return { ok: true, message: "Your password is set. Sign in with it." };
    throw error;
  }
  return {};
}
