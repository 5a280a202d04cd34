"use server";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/auth/action";
import { signInRetryAfterSeconds } from "@/lib/auth/authenticate";
import { signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { homePath } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { roleOf } from "@/lib/users/service";
import { fieldErrorsOf } from "@/lib/zod/errors";
import { signInSchema } from "@/lib/zod/user";

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = { email: String(formData.get("email") ?? "").slice(0, 300) };
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values };

  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    if ((error as AuthError & { code?: string }).code === "too_many_attempts") {
      const ip = clientIp(await headers(), getEnv().TRUSTED_PROXIES);
      const minutes = Math.ceil(((await signInRetryAfterSeconds(db(), ip)) ?? 60) / 60);
      return { formError: `Too many failed sign-ins from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, values };
    }
    return { formError: "That email and password don't match an account. Check them and try again.", values };
  }
  // Back to the page that asked for the sign-in; with none, to the person's home (volunteers have no /admin).
  const asked = formData.get("callbackUrl");
  redirect(asked ? safeCallbackPath(asked) : homePath((await roleOf(db(), parsed.data.email)) ?? "volunteer"));
}
