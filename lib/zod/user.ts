import { z } from "zod";
import { ROLES } from "../auth/roles";
import { DEMO_ADMIN } from "../users/demo-credentials";

/**
 * Schemas shared by the forms (for their limits) and the server (for the
 * truth). Messages are written for the person at the field.
 */

export const emailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .min(1, "Enter an email address")
  .max(254, "An email address is at most 254 characters")
  .pipe(z.email("Enter an email address like name@example.org"))
  .transform((email) => email.toLowerCase());

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const newPasswordSchema = z
  .string({ error: "Choose a password" })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
  .refine((password) => password !== DEMO_ADMIN.password, "This password is published in Patchthrough's README: choose another");

/** A new password, typed twice. */
const newPasswordFields = { password: newPasswordSchema, confirmPassword: z.string() };
const passwordsMatch: [(form: { password: string; confirmPassword: string }) => boolean, { path: string[]; message: string }] = [
  (form) => form.password === form.confirmPassword,
  { path: ["confirmPassword"], message: "The two passwords differ" },
];

export const roleSchema = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(", ")}` });

export const nameSchema = z.string().trim().max(120, "A name is at most 120 characters");

export const signInSchema = z.object({
  email: emailSchema,
  // No length rule beyond the maximum: a sign-in must not reveal the policy of a password it is checking.
  password: z
    .string({ error: "Enter your password" })
    .min(1, "Enter your password")
    .max(PASSWORD_MAX, `A password is at most ${PASSWORD_MAX} characters`),
});

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

export const acceptInvitationSchema = z
  .object({ token: z.string().min(1).max(200), name: nameSchema.min(1, "Enter your name"), ...newPasswordFields })
  .refine(...passwordsMatch);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(PASSWORD_MAX),
    next: z.string().max(2000).optional(),
    ...newPasswordFields,
  })
  .refine(...passwordsMatch);

export const resetPasswordSchema = z.object({ token: z.string().min(1).max(200), ...newPasswordFields }).refine(...passwordsMatch);

export const createUserSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  role: roleSchema,
  name: nameSchema.default(""),
});
