"use server";
import { AuthError } from "next-auth";
import { authorizedAction } from "@/lib/auth/action";
import { signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { homePath, ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { FormError } from "@/lib/errors";
import { changePassword } from "@/lib/users/passwords";
import { changePasswordSchema } from "@/lib/zod/user";

export const changePasswordAction = authorizedAction(
  { roles: ROLES, schema: changePasswordSchema, whilePasswordChangeRequired: true },
  async (input, { user }) => {
    await changePassword(db(), { userId: user.id, currentPassword: input.currentPassword, newPassword: input.password });
    // The change ended every session of the account, this one too: sign in afresh with the new password.
    try {
      await signIn("credentials", { email: user.email, password: input.password, redirectTo: safeCallbackPath(input.next, homePath(user.role)) });
    } catch (error) {
      if (error instanceof AuthError) throw new FormError("Your password is changed. Sign in again with it.");
      throw error;
    }
  },
);
