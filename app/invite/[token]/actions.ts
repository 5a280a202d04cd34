"use server";
import { AuthError } from "next-auth";
import type { ActionState } from "@/lib/auth/action";
import { signIn } from "@/lib/auth";
import { db } from "@/lib/db/client";
import { homePath, type Role } from "@/lib/auth/roles";
import { FormError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/users/service";
import { fieldErrorsOf } from "@/lib/zod/errors";
import { acceptInvitationSchema } from "@/lib/zod/user";

// Not an authorizedAction: the person accepting has no account yet. The token is the authority.
export async function acceptInvitationAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = { name: String(formData.get("name") ?? "").slice(0, 200) };
  const parsed = acceptInvitationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };
  let email: string;
  let role: Role;
  try {
    ({ email, role } = await acceptInvitation(db(), parsed.data));
  } catch (error) {
    if (error instanceof FormError) return { formError: error.message, values };
    throw error;
  }
  try {
    await signIn("credentials", { email, password: parsed.data.password, redirectTo: homePath(role) });
  } catch (error) {
    if (error instanceof AuthError) return { ok: true, message: "Your account is ready. Sign in to continue." };
    throw error;
  }
  return {};
}
